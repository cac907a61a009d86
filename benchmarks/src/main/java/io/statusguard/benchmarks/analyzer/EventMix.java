package io.statusguard.benchmarks.analyzer;

import io.statusguard.event.ErrorType;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic mix of encoded response events shaped like a payments fleet's traffic: two services
 * on a few instances and egress addresses, the provider's busiest operations, mostly successes with
 * the 404s, 409s, 422s, 429s, XML 403s, 5xx and timeouts the analyzer exists for. The same seed gives
 * the same events, so the JMH benchmark and the end-to-end harness read the same mix. Stateless.
 */
public final class EventMix {
  private static final String[] SERVICES = {"payments-api", "ledger-worker"};
  private static final String[] EGRESS_GROUPS = {"203.0.113.10", "203.0.113.11", "203.0.113.12"};
  private static final String[] CLIENT_LIBRARIES = {"okhttp", "jdk-httpclient", "apache-httpclient-5"};
  private static final Route[] ROUTES = {
      new Route("GET", "/v1/clients/{ClientID}/transactions/{TransactionID}", "RetrieveTransaction"),
      new Route("POST", "/v1/clients/{ClientID}/transactions", "CreateTransaction"),
      new Route("POST", "/v1/clients/{ClientID}/accounts", "CreateAccount"),
      new Route("GET", "/v1/clients/{ClientID}/accounts/{AccountID}", "RetrieveAccount"),
      new Route("POST", "/v1/clients/{ClientID}/cards", "QueryCard"),
      new Route("PATCH", "/v1/clients/{ClientID}/transactions/{TransactionID}", "CaptureTransaction"),
  };
  /** Statuses by weight: every twentieth slot is one entry. */
  private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
      201, 404, 404, 409, 422, 429, 403, 500, 0};

  private EventMix() {}

  /** {@code count} distinct events dated within the minute before {@code nowMillis}, encoded. */
  public static List<byte[]> encoded(int count, long nowMillis) {
    List<byte[]> encoded = new ArrayList<>(count);
    for (ResponseEvent event : events(count, nowMillis)) {
      encoded.add(ResponseEventEncoder.encode(event));
    }
    return encoded;
  }

  /** {@code count} distinct events dated within the minute before {@code nowMillis}. */
  public static List<ResponseEvent> events(int count, long nowMillis) {
    SplittableRandom random = new SplittableRandom(20_240_611L);
    List<ResponseEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(event(random, nowMillis - random.nextLong(60_000)));
    }
    return events;
  }

  private static ResponseEvent event(SplittableRandom random, long timeUnixMs) {
    int service = random.nextInt(SERVICES.length);
    Route route = ROUTES[random.nextInt(ROUTES.length)];
    int status = STATUSES[random.nextInt(STATUSES.length)];
    ResponseEvent.Builder event = ResponseEvent.builder()
        .timeUnixMs(timeUnixMs)
        .serviceName(SERVICES[service])
        .instanceId("pod-" + service + "-" + random.nextInt(4) + ":" + (1000 + service))
        .egressGroup(EGRESS_GROUPS[random.nextInt(EGRESS_GROUPS.length)])
        .clientLibrary(CLIENT_LIBRARIES[random.nextInt(CLIENT_LIBRARIES.length)])
        .method(route.method())
        .scheme("https")
        .host("api.provider.example")
        .port(443)
        .endpointTemplate(route.template())
        .operation(route.operation())
        .status(status)
        .durationMicros(2_000 + random.nextLong(400_000));
    if (status == 0) {
      event.errorType(ErrorType.TIMEOUT);
    } else if (status == 403) {
      // The provider's IP block answers in XML: the analyzer's error model refines on it.
      event.contentType("text/xml");
    } else if (status == 422) {
      event.contentType("application/json").errorMessage("Transaction Limit exceeded");
    } else {
      event.contentType("application/json");
    }
    return event.build();
  }

  private record Route(String method, String template, String operation) {}
}

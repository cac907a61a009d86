package io.statusguard.analyzer.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusguard.analyzer.SampleEvents;
import io.statusguard.analyzer.domain.FakeClock;
import io.statusguard.analyzer.domain.agent.AgentDirectory;
import io.statusguard.analyzer.domain.agent.AgentsSnapshot;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.window.ResponseWindows;
import io.statusguard.analyzer.domain.window.WindowSettings;
import io.statusguard.analyzer.domain.window.WindowSnapshot;
import io.statusguard.analyzer.profile.ProviderProfile;
import io.statusguard.event.ResponseEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnalyzerHttpServerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:05Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ErrorModel MODEL = ProviderProfile.builtIn().errorModel();

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final FakeClock clock = FakeClock.at(NOW);
  private final ResponseWindows windows = ResponseWindows.create(WindowSettings.defaults(), clock);
  private final AgentDirectory agents = AgentDirectory.create(10, clock);
  private final ApiSource api = new ApiSource() {
    @Override
    public WindowSnapshot endpoints() {
      return windows.snapshot();
    }

    @Override
    public AgentsSnapshot agents() {
      return agents.snapshot();
    }
  };
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private AnalyzerHttpServer server;

  @BeforeEach
  void start() throws Exception {
    registry.counter("statusguard.events.consumed").increment(7);
    server = AnalyzerHttpServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry, new Probes(healthy::get, ready::get),
        api);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void picksAFreePortForPortZero() {
    assertThat(server.port()).isPositive();
  }

  @Test
  void servesThePrometheusTextFormatByDefault() throws Exception {
    HttpResponse<String> response = send(request("/metrics").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("statusguard_events_consumed_total 7.0");
  }

  @Test
  void servesOpenMetricsWhenTheScraperAsksForIt() throws Exception {
    HttpResponse<String> response = send(request("/metrics")
        .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
    assertThat(response.body()).contains("statusguard_events_consumed_total 7.0").endsWith("# EOF\n");
  }

  @Test
  void reportsHealthWhileTheConsumerRunsAndUnavailabilityAfter() throws Exception {
    HttpResponse<String> up = send(request("/healthz").GET());
    healthy.set(false);
    HttpResponse<String> down = send(request("/healthz").GET());

    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body()).isEqualTo("ok\n");
    assertThat(down.statusCode()).isEqualTo(503);
  }

  @Test
  void reportsReadinessAsTheProbeSays() throws Exception {
    HttpResponse<String> before = send(request("/readyz").GET());
    ready.set(true);
    HttpResponse<String> after = send(request("/readyz").GET());

    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).startsWith("not ready");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo("ok\n");
  }

  @Test
  void servesTheRatesOfEachSeriesWithClassAndAdvice() throws Exception {
    record(SampleEvents.retrieveTransaction(404).timeUnixMs(NOW.minusSeconds(1).toEpochMilli()).build(), 20);
    record(SampleEvents.retrieveTransaction(403).contentType("text/xml").timeUnixMs(NOW.toEpochMilli()).build(), 1);

    HttpResponse<String> response = send(request("/api/v1/endpoints").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("time").asText()).isEqualTo("2026-11-26T10:00:05Z");
    assertThat(body.get("retention_seconds").asLong()).isEqualTo(3600);
    JsonNode endpoints = body.get("endpoints");
    assertThat(endpoints).hasSize(2);
    JsonNode blocked = endpoints.get(0);
    assertThat(blocked.get("status").asInt()).isEqualTo(403);
    assertThat(blocked.get("class").asText()).isEqualTo("ip_blocked");
    assertThat(blocked.get("advice").asText()).contains("egress address");
    JsonNode notFound = endpoints.get(1);
    assertThat(fieldNames(notFound)).containsExactly("service", "egress_group", "method", "operation", "endpoint",
        "status", "class", "cause", "advice", "rate_per_second", "events_in_retention", "last_event_time");
    assertThat(notFound.get("service").asText()).isEqualTo(SampleEvents.SERVICE);
    assertThat(notFound.get("egress_group").asText()).isEqualTo(SampleEvents.EGRESS_GROUP);
    assertThat(notFound.get("method").asText()).isEqualTo("GET");
    assertThat(notFound.get("operation").asText()).isEqualTo("RetrieveTransaction");
    assertThat(notFound.get("endpoint").asText()).isEqualTo(SampleEvents.TRANSACTION);
    assertThat(notFound.get("class").asText()).isEqualTo("client_fixable");
    assertThat(notFound.get("cause").asText()).contains("not found");
    assertThat(notFound.get("rate_per_second").get("10s").asDouble()).isEqualTo(2.0);
    assertThat(notFound.get("rate_per_second").get("1m").asDouble()).isEqualTo(20 / 60.0);
    assertThat(notFound.get("rate_per_second").get("5m").asDouble()).isEqualTo(20 / 300.0);
    assertThat(notFound.get("events_in_retention").asDouble()).isEqualTo(20.0);
    assertThat(notFound.get("last_event_time").asText()).isEqualTo("2026-11-26T10:00:04Z");
  }

  @Test
  void filtersEndpointsByQueryParameters() throws Exception {
    record(SampleEvents.retrieveTransaction(404).timeUnixMs(NOW.toEpochMilli()).build(), 1);
    record(SampleEvents.createAccount(409).egressGroup("198.51.100.9").timeUnixMs(NOW.toEpochMilli()).build(), 1);
    record(SampleEvents.createAccount(200).egressGroup("198.51.100.9").timeUnixMs(NOW.toEpochMilli()).build(), 1);

    JsonNode errors = JSON.readTree(send(request("/api/v1/endpoints?class=client_fixable&egress_group=198.51.100.9")
        .GET()).body()).get("endpoints");
    JsonNode none = JSON.readTree(send(request("/api/v1/endpoints?service=other").GET()).body()).get("endpoints");

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("status").asInt()).isEqualTo(409);
    assertThat(none).isEmpty();
  }

  @Test
  void refusesAnInvalidFilterWithAJsonError() throws Exception {
    HttpResponse<String> unknownClass = send(request("/api/v1/endpoints?class=bad").GET());
    HttpResponse<String> unknownName = send(request("/api/v1/endpoints?colour=red").GET());

    assertThat(unknownClass.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknownClass.body()).get("error").asText())
        .isEqualTo("class is not one of the status classes");
    assertThat(unknownName.statusCode()).isEqualTo(400);
  }

  @Test
  void servesTheAgentsSeen() throws Exception {
    agents.record(SampleEvents.retrieveTransaction(200).timeUnixMs(NOW.minusSeconds(3).toEpochMilli()).build());

    HttpResponse<String> response = send(request("/api/v1/agents").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode agent = JSON.readTree(response.body()).get("agents").get(0);
    assertThat(fieldNames(agent)).containsExactly("service", "instance", "egress_group", "client_library",
        "first_seen", "last_seen", "seen_in", "heartbeat");
    assertThat(agent.get("instance").asText()).isEqualTo("host-1:4242");
    assertThat(agent.get("last_seen").asText()).isEqualTo("2026-11-26T10:00:02Z");
    assertThat(agent.get("heartbeat").isNull()).isTrue();
  }

  @Test
  void answersHeadWithHeadersOnly() throws Exception {
    HttpResponse<String> response = send(request("/metrics").method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void refusesOtherMethods() throws Exception {
    HttpResponse<String> response = send(request("/metrics").POST(HttpRequest.BodyPublishers.ofString("x")));

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void answersNotFoundForOtherPathsEvenWithTheSamePrefix() throws Exception {
    assertThat(send(request("/").GET()).statusCode()).isEqualTo(404);
    assertThat(send(request("/metricsx").GET()).statusCode()).isEqualTo(404);
    assertThat(send(request("/healthz/deep").GET()).statusCode()).isEqualTo(404);
    assertThat(send(request("/api/v1").GET()).statusCode()).isEqualTo(404);
  }

  @Test
  void turnsNagleOffUnlessTheUserChose() {
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
  }

  private void record(ResponseEvent event, int times) {
    for (int i = 0; i < times; i++) {
      windows.record(event, MODEL.classify(event.status(), event.contentType(), event.errorMessage()));
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(TIMEOUT);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

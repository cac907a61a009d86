package io.statusguard.simulator.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statusguard.simulator.SimulatorConfig;
import io.statusguard.simulator.SimulatorStats;
import io.statusguard.simulator.internal.api.Call;
import io.statusguard.simulator.internal.api.CompactJson;
import io.statusguard.simulator.internal.api.ErrorCondition;
import io.statusguard.simulator.internal.api.ProviderApi;
import io.statusguard.simulator.internal.api.QueryFlags;
import io.statusguard.simulator.internal.api.Reply;
import io.statusguard.simulator.internal.api.RequestBody;
import io.statusguard.simulator.internal.api.UpstreamNetwork;
import io.statusguard.simulator.internal.firewall.CallerRateLimiter;
import io.statusguard.simulator.internal.firewall.Firewall;
import io.statusguard.simulator.internal.ledger.ClientDirectory;
import io.statusguard.simulator.internal.ledger.Ledger;
import io.statusguard.simulator.internal.ledger.ResourceIds;
import io.statusguard.simulator.internal.routing.RouteResolution;
import io.statusguard.simulator.internal.routing.RouteTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves every request the way the provider's edge and API would, in this order: firewall block (403
 * XML), rate limit (429), bearer token (401), route (404, 405), ClientID (404), body (415, 400), then the
 * operation. Each response is counted and fed to the firewall before it is written, so a client that
 * reads a response and sends again always meets the state that response caused. Thread-safe.
 */
public final class ProviderHandler implements HttpHandler {
  /** Request bodies above this size are refused unread. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final System.Logger LOG = System.getLogger(ProviderHandler.class.getName());

  private final InstantSource clock;
  private final byte[] expectedAuthorization;
  private final RouteTable routes = RouteTable.provider();
  private final ClientDirectory clients;
  private final ProviderApi api;
  private final CallerRateLimiter rateLimiter;
  private final Firewall firewall;
  private final ResponseCounter responses;

  private ProviderHandler(SimulatorConfig config, Firewall firewall, ResponseCounter responses) {
    this.clock = config.clock();
    this.expectedAuthorization = ("Bearer " + config.bearerToken()).getBytes(StandardCharsets.US_ASCII);
    ResourceIds ids = ResourceIds.seeded(config.seed());
    this.clients = ClientDirectory.of(
        config.clientIds(), config.maxAccounts(), config.maxTransactions(), ids);
    // Its own stream of numbers, so how many identifiers were minted never shifts the 207 outcomes.
    long networkSeed = Long.rotateLeft(config.seed(), 32) ^ 0x207L;
    UpstreamNetwork network = UpstreamNetwork.seeded(networkSeed, config.unknownOutcomeProbability());
    this.api = ProviderApi.create(config, network);
    this.rateLimiter = new CallerRateLimiter(config.requestsPerSecondLimit());
    this.firewall = firewall;
    this.responses = responses;
  }

  public static ProviderHandler create(SimulatorConfig config, Firewall firewall, ResponseCounter responses) {
    return new ProviderHandler(config, firewall, responses);
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      Instant now = clock.instant();
      String caller = exchange.getRemoteAddress().getAddress().getHostAddress();
      RouteResolution resolution =
          routes.resolve(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
      String operation = resolution.operationName(SimulatorStats.UNMATCHED_OPERATION);
      boolean blocked = firewall.isBlocked(caller, now);
      Reply reply = blocked
          ? Reply.ipNotAllowed()
          : answerSafely(exchange, resolution, caller, now, operation);
      responses.record(operation, reply.status());
      if (!blocked) {
        firewall.record(caller, reply.status(), now);
      }
      send(exchange, reply);
    } catch (IOException e) {
      // The client went away mid-exchange; there is no one left to answer.
      LOG.log(System.Logger.Level.DEBUG, "exchange aborted", e);
    } finally {
      exchange.close();
    }
  }

  private Reply answerSafely(
      HttpExchange exchange, RouteResolution resolution, String caller, Instant now, String operation)
      throws IOException {
    try {
      return answer(exchange, resolution, caller, now);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "simulator failed on " + operation, e);
      return Reply.error(ErrorCondition.SERVER_ERROR);
    }
  }

  private Reply answer(HttpExchange exchange, RouteResolution resolution, String caller, Instant now)
      throws IOException {
    if (!rateLimiter.tryAcquire(caller, now)) {
      return Reply.error(ErrorCondition.LIMITS_LOCK);
    }
    if (!hasExpectedToken(exchange.getRequestHeaders())) {
      return Reply.error(ErrorCondition.UNAUTHORIZED);
    }
    if (resolution instanceof RouteResolution.WrongMethod wrong) {
      return Reply.error(ErrorCondition.METHOD_NOT_ALLOWED)
          .withHeader("Allow", String.join(", ", wrong.allowedMethods()));
    }
    if (!(resolution instanceof RouteResolution.Matched matched)) {
      return Reply.error(ErrorCondition.NOT_FOUND);
    }
    Optional<Ledger> ledger = clients.resolve(matched.parameters().get("ClientID"));
    if (ledger.isEmpty()) {
      return Reply.error(ErrorCondition.NOT_FOUND, "ClientID");
    }
    byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (raw.length > MAX_BODY_BYTES) {
      return Reply.error(ErrorCondition.MALFORMED_BODY, "larger than " + MAX_BODY_BYTES + " bytes");
    }
    RequestBody body = RequestBody.NONE;
    if (raw.length > 0) {
      if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        return Reply.error(ErrorCondition.UNSUPPORTED_MEDIA_TYPE);
      }
      Optional<ObjectNode> json = strictUtf8(raw).flatMap(CompactJson::parseObject);
      if (json.isEmpty()) {
        return Reply.error(ErrorCondition.MALFORMED_BODY, "not a compact JSON object");
      }
      body = RequestBody.of(json.get());
    }
    QueryFlags query = QueryFlags.parse(exchange.getRequestURI().getRawQuery());
    return api.handle(new Call(
        matched.route().operation(), matched.parameters(), query, body, ledger.get(), now));
  }

  private boolean hasExpectedToken(Headers headers) {
    String authorization = headers.getFirst("Authorization");
    // A constant-time comparison: the simulator should not teach clients to leak tokens by timing.
    return authorization != null
        && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return mediaType.trim().toLowerCase(Locale.ROOT).equals(Reply.JSON);
  }

  private static Optional<String> strictUtf8(byte[] raw) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", reply.contentType());
    reply.headers().forEach(headers::set);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(reply.status(), head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}

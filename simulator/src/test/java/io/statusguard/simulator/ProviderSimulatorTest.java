package io.statusguard.simulator;

import static io.statusguard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ProviderSimulatorTest {
  private static final String EIGHT_HEX = "[0-9A-F]{8}";
  private static final int REQUESTS_IN_FLIGHT = 40;

  private final FakeClock clock = FakeClock.startingAt("2030-01-01T00:00:00Z");
  private final List<ProviderSimulator> started = new ArrayList<>();

  @AfterEach
  void closeSimulators() {
    started.forEach(ProviderSimulator::close);
  }

  private SimulatorClient start(SimulatorConfig config) throws Exception {
    ProviderSimulator simulator = ProviderSimulator.start(config);
    started.add(simulator);
    return new SimulatorClient(simulator);
  }

  private SimulatorConfig quiet() {
    return SimulatorConfig.defaults()
        .withClock(clock)
        .withUnknownOutcomeProbability(0)
        .withBlockPolicy(BlockPolicy.never());
  }

  @Test
  void bindsLoopbackOnAFreePort() throws Exception {
    start(quiet());
    ProviderSimulator simulator = started.get(0);

    assertThat(simulator.baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(simulator.baseUri().getPort()).isPositive();
    assertThat(simulator.clientId()).isEqualTo(SimulatorConfig.DEFAULT_CLIENT_ID);
    assertThat(simulator.bearerToken()).isEqualTo(SimulatorConfig.DEFAULT_BEARER_TOKEN);
  }

  @Test
  void disablesTheJdkServerResponseDelay() throws Exception {
    start(quiet());

    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
  }

  @Test
  void retrievesTheConfiguredClientAsCompactJson() throws Exception {
    SimulatorClient client = start(quiet());

    HttpResponse<String> response = client.get(client.client(""));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).startsWith("{\"SC\":200,\"EC\":\"0\"").doesNotContain("\n", "\": ", ", \"");
    assertThat(json(response).get("clientID").asText()).isEqualTo(SimulatorConfig.DEFAULT_CLIENT_ID);
    assertThat(json(response).at("/limits/transaction").asText()).isEqualTo("10000.00");
  }

  @Test
  void unknownClientIdIsNotFound() throws Exception {
    SimulatorClient client = start(quiet());

    HttpResponse<String> response = client.get("/v1/clients/ZZZZZZZZZZZZZZZZZZZZZZ/transactions/"
        + "AAAAAAAAAAAAAAAAAAAAAA");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("SC").asInt()).isEqualTo(404);
    assertThat(json(response).get("EC").asText()).matches(EIGHT_HEX);
  }

  @Test
  void servesEveryConfiguredClient() throws Exception {
    String second = "B1pI1F5FjXmpyoxs86mjRh";
    SimulatorClient client = start(quiet().withClientIds(List.of(SimulatorConfig.DEFAULT_CLIENT_ID, second)));

    assertThat(client.get("/v1/clients/" + second).statusCode()).isEqualTo(200);
  }

  @Test
  void missingBearerTokenIsUnauthorized() throws Exception {
    SimulatorClient client = start(quiet());

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
        started.get(0).baseUri().resolve(client.client(""))).GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("SC").asInt()).isEqualTo(401);
  }

  @Test
  void wrongBearerTokenIsUnauthorized() throws Exception {
    SimulatorClient client = start(quiet());

    HttpResponse<String> response = client.send(
        client.request(client.client("")).setHeader("Authorization", "Bearer not-the-token").GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void unknownPathIsNotFound() throws Exception {
    SimulatorClient client = start(quiet());

    HttpResponse<String> response = client.get(client.client("/widgets"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("EC").asText()).matches(EIGHT_HEX);
  }

  @Test
  void wrongMethodOnAKnownPathIsMethodNotAllowed() throws Exception {
    SimulatorClient client = start(quiet());

    HttpResponse<String> response =
        client.post(client.client("/transactions/AAAAAAAAAAAAAAAAAAAAAA"), "{}");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("DELETE, GET, PATCH");
  }

  @Test
  void bodyWithAnotherContentTypeIsUnsupportedMediaType() throws Exception {
    SimulatorClient client = start(quiet());

    HttpResponse<String> response = client.send(client.request(client.client("/transactions"))
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{\"referenceID\":\"a1\",\"amount\":\"1.00\"}")));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json(response).get("SC").asInt()).isEqualTo(415);
  }

  @Test
  void malformedJsonIsBadRequest() throws Exception {
    SimulatorClient client = start(quiet());

    assertThat(client.post(client.client("/transactions"), "{\"referenceID\":").statusCode())
        .isEqualTo(400);
    assertThat(client.post(client.client("/transactions"), "[1,2]").statusCode()).isEqualTo(400);
  }

  @Test
  void prettyPrintedJsonIsBadRequest() throws Exception {
    SimulatorClient client = start(quiet());

    HttpResponse<String> response = client.post(client.client("/transactions"),
        "{\n  \"referenceID\": \"a1\",\n  \"amount\": \"1.00\"\n}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("EM").asText()).contains("compact");
  }

  @Test
  void oversizedBodyIsBadRequest() throws Exception {
    SimulatorClient client = start(quiet());

    String big = "{\"referenceID\":\"a1\",\"amount\":\"1.00\",\"memo\":\"" + "x".repeat(70_000) + "\"}";

    assertThat(client.post(client.client("/transactions"), big).statusCode()).isEqualTo(400);
  }

  @Test
  void statsCountResponsesByOperationAndStatus() throws Exception {
    SimulatorClient client = start(quiet());
    client.createTransaction("r1", "1.00");
    client.get(client.client("/transactions/AAAAAAAAAAAAAAAAAAAAAA"));
    client.get(client.client("/transactions/AAAAAAAAAAAAAAAAAAAAAB"));
    client.get(client.client("/nowhere"));

    SimulatorStats stats = started.get(0).stats();

    assertThat(stats.count("CreateTransaction", 200)).isEqualTo(1);
    assertThat(stats.count("RetrieveTransaction", 404)).isEqualTo(2);
    assertThat(stats.count(SimulatorStats.UNMATCHED_OPERATION, 404)).isEqualTo(1);
    assertThat(stats.countStatus(404)).isEqualTo(3);
    assertThat(stats.total()).isEqualTo(4);
    assertThat(stats.blockedCallers()).isEmpty();
  }

  @Test
  void sameSeedRepeatsIdentifiersAndOutcomes() throws Exception {
    SimulatorConfig config = quiet().withSeed(7).withUnknownOutcomeProbability(0.5);

    List<String> first = createMany(start(config));
    List<String> second = createMany(start(config));
    List<String> otherSeed = createMany(start(config.withSeed(8)));

    assertThat(second).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(first).anyMatch(outcome -> outcome.startsWith("207"))
        .anyMatch(outcome -> outcome.startsWith("200"));
  }

  private static List<String> createMany(SimulatorClient client) {
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      HttpResponse<String> response = client.post(client.client("/transactions"),
          "{\"referenceID\":\"seed" + i + "\",\"amount\":\"1.00\"}");
      JsonNode body = json(response);
      outcomes.add(response.statusCode() + " " + body.get("transactionID").asText());
    }
    return outcomes;
  }

  @Test
  void servesConcurrentClientsAndCountsEveryResponse() throws Exception {
    SimulatorClient client = start(quiet());
    // The default version prefers HTTP/2, so this also covers the h2c upgrade offer that the JDK server
    // answers with plain HTTP/1.1.
    HttpClient http = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < REQUESTS_IN_FLIGHT; i++) {
      HttpRequest request = client.request(client.client("/transactions"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"referenceID\":\"c" + i + "\",\"amount\":\"1\"}"))
          .build();
      inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    Set<String> transactionIds = new HashSet<>();
    for (CompletableFuture<HttpResponse<String>> response : inFlight) {
      HttpResponse<String> done = response.get(60, TimeUnit.SECONDS);
      assertThat(done.statusCode()).isEqualTo(200);
      transactionIds.add(json(done).get("transactionID").asText());
    }

    assertThat(transactionIds).hasSize(REQUESTS_IN_FLIGHT);
    assertThat(started.get(0).stats().count("CreateTransaction", 200)).isEqualTo(REQUESTS_IN_FLIGHT);
  }

  @Test
  void closingStopsServingAndCanBeRepeated() throws Exception {
    SimulatorClient client = start(quiet());
    ProviderSimulator simulator = started.get(0);

    simulator.close();
    simulator.close();

    assertThatThrownBy(() -> client.get(client.client(""))).isInstanceOf(UncheckedIOException.class);
  }
}

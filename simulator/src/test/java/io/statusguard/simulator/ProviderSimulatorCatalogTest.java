package io.statusguard.simulator;

import static io.statusguard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Keys, card, bank and OFAC queries, and sub-clients. */
@Timeout(120)
class ProviderSimulatorCatalogTest {
  private static final String CARD_QUERY = "{\"card\":{\"accountNumber\":\"4111111111111111\"}}";

  private ProviderSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() throws Exception {
    simulator = ProviderSimulator.start(SimulatorConfig.defaults()
        .withClock(FakeClock.startingAt("2030-01-01T00:00:00Z"))
        .withBlockPolicy(BlockPolicy.never()));
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void close() {
    simulator.close();
  }

  @Test
  void keyCanBeCreatedRetrievedAndDeletedOnce() {
    HttpResponse<String> created = client.send(client.request(client.client("/keys"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    String path = client.client("/keys/" + json(created).get("keyID").asText());

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(client.get(path).statusCode()).isEqualTo(200);
    assertThat(client.delete(path).statusCode()).isEqualTo(200);
    assertThat(client.get(path).statusCode()).isEqualTo(410);
    assertThat(client.delete(path).statusCode()).isEqualTo(410);
    assertThat(client.get(client.client("/keys/AAAAAAAAAAAAAAAAAAAAAA")).statusCode()).isEqualTo(404);
  }

  @Test
  void queryCardAnswersTheRequestedFlags() {
    HttpResponse<String> response = client.post(client.client("/cards?AVS+Fees"), CARD_QUERY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).at("/card/push/enabled").asBoolean()).isTrue();
    assertThat(json(response).has("AVS")).isTrue();
    assertThat(json(response).has("fees")).isTrue();
    assertThat(json(response).has("ANI")).isFalse();
  }

  @Test
  void queryCardRejectsUnknownFlagsAndMissingCards() {
    assertThat(client.post(client.client("/cards?Balance"), CARD_QUERY).statusCode()).isEqualTo(400);
    assertThat(client.post(client.client("/cards"), "{}").statusCode()).isEqualTo(400);
    String unknownAccount = "{\"account\":{\"accountID\":\"AAAAAAAAAAAAAAAAAAAAAA\"}}";
    assertThat(client.post(client.client("/cards"), unknownAccount).statusCode()).isEqualTo(404);
  }

  @Test
  void queryBankChecksTheRoutingNumber() {
    assertThat(client.post(client.client("/banks"),
        "{\"bank\":{\"routingNumber\":\"021000021\",\"accountNumber\":\"12345678\"}}").statusCode())
        .isEqualTo(200);
    assertThat(client.post(client.client("/banks"),
        "{\"bank\":{\"routingNumber\":\"0210\",\"accountNumber\":\"12345678\"}}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void queryOfacFindsNoMatch() {
    HttpResponse<String> response = client.post(client.client("/ofac"), "{\"name\":\"Jane Doe\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("match").asBoolean()).isFalse();
  }

  @Test
  void subClientCanBeCreatedRetrievedAndAddressed() {
    String clientId = simulator.clientId();

    HttpResponse<String> created =
        client.post("/v2/clients/" + clientId + "/subclients", "{\"name\":\"Shop\"}");
    String subClientId = json(created).get("subClientID").asText();

    assertThat(subClientId).matches("[0-9]{6}");
    assertThat(client.get("/v2/clients/" + clientId + "/subclients/" + subClientId).statusCode())
        .isEqualTo(200);
    assertThat(client.get("/v4/clients/" + clientId + "/subclients/" + subClientId).statusCode())
        .isEqualTo(200);
    assertThat(client.get("/v1/clients/" + clientId + "_" + subClientId).statusCode()).isEqualTo(200);
    assertThat(client.get("/v1/clients/" + clientId + "_99999999").statusCode()).isEqualTo(404);
    assertThat(client.get("/v1/clients/" + clientId + "_12").statusCode()).isEqualTo(404);
  }

  @Test
  void subClientCanBeRenamed() {
    String base = "/v2/clients/" + simulator.clientId() + "/subclients";
    String subClientId = json(client.post(base, "{\"name\":\"Shop\"}")).get("subClientID").asText();

    HttpResponse<String> renamed = client.put(base + "/" + subClientId, "{\"name\":\"Store\"}");

    assertThat(renamed.statusCode()).isEqualTo(200);
    assertThat(json(client.get(base + "/" + subClientId)).get("name").asText()).isEqualTo("Store");
    assertThat(client.get(base + "/999999").statusCode()).isEqualTo(404);
    assertThat(client.get(base + "/12345").statusCode()).isEqualTo(400);
  }
}

package io.statusguard.simulator;

import static io.statusguard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ProviderSimulatorTransactionTest {
  private static final String UNKNOWN_ID = "AAAAAAAAAAAAAAAAAAAAAA";

  private final FakeClock clock = FakeClock.startingAt("2030-01-01T00:00:00Z");
  private ProviderSimulator simulator;
  private SimulatorClient client;

  @AfterEach
  void close() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private void start(SimulatorConfig config) throws Exception {
    simulator = ProviderSimulator.start(config);
    client = new SimulatorClient(simulator);
  }

  private SimulatorConfig quiet() {
    return SimulatorConfig.defaults()
        .withClock(clock)
        .withUnknownOutcomeProbability(0)
        .withBlockPolicy(BlockPolicy.never());
  }

  @Test
  void createdTransactionCanBeRetrieved() throws Exception {
    start(quiet());

    HttpResponse<String> created = client.post(client.client("/transactions"),
        "{\"referenceID\":\"order-1\",\"amount\":\"12.50\"}");
    String transactionId = json(created).get("transactionID").asText();
    HttpResponse<String> retrieved = client.get(client.client("/transactions/" + transactionId));

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(json(created).get("EC").asText()).isEqualTo("0");
    assertThat(transactionId).matches("[A-Za-z0-9_-]{22}");
    assertThat(retrieved.statusCode()).isEqualTo(200);
    assertThat(json(retrieved).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(json(retrieved).get("amount").asText()).isEqualTo("12.50");
    assertThat(json(retrieved).get("referenceID").asText()).isEqualTo("order-1");
  }

  @Test
  void unknownTransactionIsNotFound() throws Exception {
    start(quiet());

    HttpResponse<String> response = client.get(client.client("/transactions/" + UNKNOWN_ID));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("SC").asInt()).isEqualTo(404);
  }

  @Test
  void malformedTransactionIdIsBadRequest() throws Exception {
    start(quiet());

    assertThat(client.get(client.client("/transactions/too-short")).statusCode()).isEqualTo(400);
  }

  @Test
  void reusedReferenceIdConflicts() throws Exception {
    start(quiet());
    client.createTransaction("order-1", "1.00");

    HttpResponse<String> again = client.post(client.client("/transactions"),
        "{\"referenceID\":\"ORDER-1\",\"amount\":\"1.00\"}");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("EM").asText()).isEqualTo("Duplicate");
    assertThat(json(again).get("EC").asText()).isEqualTo("3C463000");
  }

  @Test
  void retrievesByReferenceIdWithinTheWindow() throws Exception {
    start(quiet());
    String transactionId = client.createTransaction("order-1", "1.00");
    clock.advance(Duration.ofHours(23));

    HttpResponse<String> response = client.get(client.client("/transactions?referenceID=order-1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("transactionID").asText()).isEqualTo(transactionId);
  }

  @Test
  void referenceIdLookupAfterTheWindowIsMisdirected() throws Exception {
    start(quiet());
    client.createTransaction("order-1", "1.00");
    clock.advance(Duration.ofHours(24));

    HttpResponse<String> response = client.get(client.client("/transactions?referenceID=order-1"));

    assertThat(response.statusCode()).isEqualTo(421);
    assertThat(json(response).get("SC").asInt()).isEqualTo(421);
  }

  @Test
  void referenceWindowIsConfigurable() throws Exception {
    start(quiet().withReferenceLookupWindow(Duration.ofMinutes(5)));
    client.createTransaction("order-1", "1.00");
    clock.advance(Duration.ofMinutes(5));

    assertThat(client.get(client.client("/transactions?referenceID=order-1")).statusCode()).isEqualTo(421);
  }

  @Test
  void unknownReferenceIdIsNotFound() throws Exception {
    start(quiet());

    assertThat(client.get(client.client("/transactions?referenceID=nobody")).statusCode()).isEqualTo(404);
    assertThat(client.get(client.client("/transactions")).statusCode()).isEqualTo(400);
  }

  @Test
  void pollingTheSameTransactionTooOftenIsTooManyRequests() throws Exception {
    start(quiet().withMinPollInterval(Duration.ofSeconds(2)));
    String transactionId = client.createTransaction("order-1", "1.00");
    String path = client.client("/transactions/" + transactionId);

    HttpResponse<String> first = client.get(path);
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> tooSoon = client.get(path);
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> afterTheInterval = client.get(path);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(tooSoon.statusCode()).isEqualTo(429);
    assertThat(json(tooSoon).get("EM").asText()).isEqualTo("Polling");
    assertThat(afterTheInterval.statusCode()).isEqualTo(200);
  }

  @Test
  void retrievalsByReferenceIdCountAsPolling() throws Exception {
    start(quiet());
    String transactionId = client.createTransaction("order-1", "1.00");

    client.get(client.client("/transactions/" + transactionId));
    HttpResponse<String> byReference = client.get(client.client("/transactions?referenceID=order-1"));

    assertThat(byReference.statusCode()).isEqualTo(429);
  }

  @Test
  void callerRateLimitAnswersLimitsLock() throws Exception {
    start(quiet().withRequestsPerSecondLimit(3));

    for (int i = 0; i < 3; i++) {
      assertThat(client.get(client.client("")).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> fourth = client.get(client.client(""));
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> nextSecond = client.get(client.client(""));

    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(json(fourth).get("EM").asText()).isEqualTo("Limits Lock");
    assertThat(json(fourth).get("EC").asText()).isEqualTo("3C51010D");
    assertThat(nextSecond.statusCode()).isEqualTo(200);
  }

  @Test
  void amountAboveTheTransactionLimitIsUnprocessable() throws Exception {
    start(quiet().withTransactionLimit(new BigDecimal("100.00")));

    HttpResponse<String> atLimit = client.post(client.client("/transactions"),
        "{\"referenceID\":\"a\",\"amount\":\"100.00\"}");
    HttpResponse<String> aboveLimit = client.post(client.client("/transactions"),
        "{\"referenceID\":\"b\",\"amount\":100.01}");

    assertThat(atLimit.statusCode()).isEqualTo(200);
    assertThat(aboveLimit.statusCode()).isEqualTo(422);
    assertThat(json(aboveLimit).get("EM").asText()).contains("Transaction Limit");
  }

  @Test
  void invalidAmountOrReferenceIdIsBadRequest() throws Exception {
    start(quiet());

    assertThat(client.post(client.client("/transactions"), "{\"referenceID\":\"a\",\"amount\":\"-1\"}")
        .statusCode()).isEqualTo(400);
    assertThat(client.post(client.client("/transactions"), "{\"referenceID\":\"a\",\"amount\":\"1.001\"}")
        .statusCode()).isEqualTo(400);
    assertThat(client.post(client.client("/transactions"), "{\"referenceID\":\"a\"}")
        .statusCode()).isEqualTo(400);
    assertThat(client.post(client.client("/transactions"),
        "{\"referenceID\":\"sixteen-chars-xx\",\"amount\":\"1\"}").statusCode()).isEqualTo(400);
  }

  @Test
  void upstreamTimeoutAnswersMultiStatusWithAnUnknownTransaction() throws Exception {
    start(quiet().withUnknownOutcomeProbability(1.0));

    HttpResponse<String> created = client.post(client.client("/transactions"),
        "{\"referenceID\":\"order-1\",\"amount\":\"1.00\"}");
    String transactionId = json(created).get("transactionID").asText();
    HttpResponse<String> retrieved = client.get(client.client("/transactions/" + transactionId));

    assertThat(created.statusCode()).isEqualTo(207);
    assertThat(json(created).get("SC").asInt()).isEqualTo(207);
    assertThat(json(created).get("EM").asText()).contains("UNKNOWN");
    assertThat(json(created).get("status").asText()).isEqualTo("UNKNOWN");
    assertThat(json(retrieved).get("status").asText()).isEqualTo("UNKNOWN");
  }

  @Test
  void authorizedTransactionCanBeCapturedOnce() throws Exception {
    start(quiet());
    HttpResponse<String> authorized = client.post(client.client("/transactions?authorize"),
        "{\"referenceID\":\"order-1\",\"amount\":\"5.00\"}");
    String path = client.client("/transactions/" + json(authorized).get("transactionID").asText());

    HttpResponse<String> captured = client.patch(path, "{}");
    HttpResponse<String> capturedAgain = client.patch(path, "{}");

    assertThat(json(authorized).get("status").asText()).isEqualTo("AUTHORIZED");
    assertThat(captured.statusCode()).isEqualTo(200);
    assertThat(json(captured).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(capturedAgain.statusCode()).isEqualTo(422);
  }

  @Test
  void voidEndsATransactionAndASecondDeleteIsGone() throws Exception {
    start(quiet());
    String path = client.client("/transactions/" + client.createTransaction("order-1", "1.00"));

    HttpResponse<String> voided = client.delete(path + "?void");
    HttpResponse<String> again = client.delete(path + "?reversal");

    assertThat(voided.statusCode()).isEqualTo(200);
    assertThat(json(voided).get("status").asText()).isEqualTo("VOIDED");
    assertThat(again.statusCode()).isEqualTo(410);
  }

  @Test
  void reversalAppliesToCompletedTransactionsOnly() throws Exception {
    start(quiet());
    String completed = client.client("/transactions/" + client.createTransaction("order-1", "1.00"));
    HttpResponse<String> authorized = client.post(client.client("/transactions?authorize"),
        "{\"referenceID\":\"order-2\",\"amount\":\"1.00\"}");
    String held = client.client("/transactions/" + json(authorized).get("transactionID").asText());

    assertThat(client.delete(completed + "?reversal").statusCode()).isEqualTo(200);
    assertThat(client.delete(held + "?reversal").statusCode()).isEqualTo(422);
  }

  @Test
  void deleteNeedsExactlyOneOfVoidOrReversal() throws Exception {
    start(quiet());
    String path = client.client("/transactions/" + client.createTransaction("order-1", "1.00"));

    assertThat(client.delete(path).statusCode()).isEqualTo(400);
    assertThat(client.delete(path + "?void&reversal").statusCode()).isEqualTo(400);
    assertThat(client.delete(client.client("/transactions/" + UNKNOWN_ID + "?void")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void oldestTransactionIsForgottenBeyondCapacity() throws Exception {
    start(quiet().withMaxTransactions(2));
    String oldest = client.createTransaction("t1", "1.00");
    String middle = client.createTransaction("t2", "1.00");
    String newest = client.createTransaction("t3", "1.00");

    assertThat(client.get(client.client("/transactions/" + oldest)).statusCode()).isEqualTo(404);
    assertThat(client.get(client.client("/transactions/" + middle)).statusCode()).isEqualTo(200);
    assertThat(client.get(client.client("/transactions/" + newest)).statusCode()).isEqualTo(200);
  }

  @Test
  void namedAccountsMustExist() throws Exception {
    start(quiet());

    HttpResponse<String> response = client.post(client.client("/transactions"),
        "{\"referenceID\":\"a\",\"amount\":\"1\",\"accounts\":{\"sourceAccountID\":\"" + UNKNOWN_ID + "\"}}");

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void deleteRtpTransactionNeedsAWellFormedNetworkId() throws Exception {
    start(quiet());
    String base = "/v2/clients/" + simulator.clientId() + "/transactions/rtp/";

    assertThat(client.delete(base + "A".repeat(35)).statusCode()).isEqualTo(200);
    assertThat(client.delete(base + "A".repeat(34)).statusCode()).isEqualTo(400);
    assertThat(simulator.stats().count("DeleteRTPTransaction", 200)).isEqualTo(1);
  }
}

package io.statusguard.simulator;

import static io.statusguard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ProviderSimulatorAccountTest {
  private static final String CARD = "4111111111111111";
  private static final String OTHER_CARD = "5500000000000004";

  private final FakeClock clock = FakeClock.startingAt("2030-01-01T00:00:00Z");
  private ProviderSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() throws Exception {
    simulator = ProviderSimulator.start(SimulatorConfig.defaults()
        .withClock(clock)
        .withBlockPolicy(BlockPolicy.never()));
    client = new SimulatorClient(simulator);
  }

  @AfterEach
  void close() {
    simulator.close();
  }

  private HttpResponse<String> createAccount(String query, String referenceId, String card) {
    return client.post(client.client("/accounts" + query),
        "{\"referenceID\":\"" + referenceId + "\",\"card\":{\"accountNumber\":\"" + card + "\"}}");
  }

  private String accountId(HttpResponse<String> created) {
    assertThat(created.statusCode()).isEqualTo(200);
    return json(created).get("accountID").asText();
  }

  @Test
  void createdAccountCanBeRetrievedWithoutItsCardNumber() {
    String accountId = accountId(createAccount("", "acct-1", CARD));

    HttpResponse<String> response = client.get(client.client("/accounts/" + accountId));

    assertThat(accountId).matches("[A-Za-z0-9_-]{22}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).at("/card/last4").asText()).isEqualTo("1111");
    assertThat(response.body()).doesNotContain(CARD);
  }

  @Test
  void bankAccountNeedsNoCard() {
    HttpResponse<String> created = client.post(client.client("/accounts"),
        "{\"referenceID\":\"acct-1\",\"bank\":{\"routingNumber\":\"021000021\",\"accountNumber\":\"1234\"}}");

    assertThat(client.get(client.client("/accounts/" + accountId(created))).statusCode()).isEqualTo(200);
  }

  @Test
  void accountNeedsACardOrABank() {
    assertThat(client.post(client.client("/accounts"), "{\"referenceID\":\"acct-1\"}").statusCode())
        .isEqualTo(400);
    assertThat(createAccount("", "acct-1", "4111").statusCode()).isEqualTo(400);
  }

  @Test
  void reusedAccountReferenceIdConflicts() {
    accountId(createAccount("", "acct-1", CARD));

    HttpResponse<String> again = createAccount("", "acct-1", OTHER_CARD);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("EM").asText()).isEqualTo("Duplicate");
  }

  @Test
  void duplicateCardConflictsUnderRejectDuplicateCard() {
    String first = accountId(createAccount("", "acct-1", CARD));

    HttpResponse<String> duplicate = createAccount("?RejectDuplicateCard", "acct-2", CARD);
    HttpResponse<String> otherCard = createAccount("?RejectDuplicateCard", "acct-3", OTHER_CARD);

    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(duplicate.body()).startsWith("{\"SC\":409,\"EC\":\"3C463000\",\"EM\":\"Duplicate\"");
    assertThat(json(duplicate).get("duplicateAccountIDs").get(0).asText()).isEqualTo(first);
    assertThat(otherCard.statusCode()).isEqualTo(200);
  }

  @Test
  void duplicateCardIsListedButAcceptedByDefault() {
    String first = accountId(createAccount("", "acct-1", CARD));

    HttpResponse<String> byDefault = createAccount("", "acct-2", CARD);
    HttpResponse<String> okToAdd = createAccount("?OKToAddDuplicateCard", "acct-3", CARD);

    assertThat(byDefault.statusCode()).isEqualTo(200);
    assertThat(json(byDefault).get("duplicateAccountIDs").get(0).asText()).isEqualTo(first);
    assertThat(okToAdd.statusCode()).isEqualTo(200);
    assertThat(json(okToAdd).has("duplicateAccountIDs")).isFalse();
  }

  @Test
  void contradictoryDuplicateFlagsConflict() {
    assertThat(createAccount("?RejectDuplicateCard&OKToAddDuplicateCard", "acct-1", CARD).statusCode())
        .isEqualTo(409);
  }

  @Test
  void retrievesByReferenceIdWithinTheWindowOnly() {
    String accountId = accountId(createAccount("", "acct-1", CARD));

    HttpResponse<String> inTime = client.get(client.client("/accounts?referenceID=ACCT-1"));
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    HttpResponse<String> tooLate = client.get(client.client("/accounts?referenceID=acct-1"));

    assertThat(inTime.statusCode()).isEqualTo(200);
    assertThat(json(inTime).get("accountID").asText()).isEqualTo(accountId);
    assertThat(tooLate.statusCode()).isEqualTo(421);
  }

  @Test
  void unknownAccountIsNotFound() {
    assertThat(client.get(client.client("/accounts/AAAAAAAAAAAAAAAAAAAAAA")).statusCode()).isEqualTo(404);
    assertThat(client.get(client.client("/accounts?referenceID=nobody")).statusCode()).isEqualTo(404);
  }

  @Test
  void deletedAccountIsGone() {
    String path = client.client("/accounts/" + accountId(createAccount("", "acct-1", CARD)));

    HttpResponse<String> deleted = client.delete(path);

    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(client.get(path).statusCode()).isEqualTo(410);
    assertThat(client.delete(path).statusCode()).isEqualTo(410);
    assertThat(createAccount("?RejectDuplicateCard", "acct-2", CARD).statusCode()).isEqualTo(200);
  }

  @Test
  void deleteDuplicateCardDeletesTheOtherHolders() {
    String first = client.client("/accounts/" + accountId(createAccount("", "acct-1", CARD)));
    String second = client.client("/accounts/" + accountId(createAccount("", "acct-2", CARD)));

    assertThat(client.delete(first + "?DeleteDuplicateCard").statusCode()).isEqualTo(200);

    assertThat(client.get(second).statusCode()).isEqualTo(410);
  }

  @Test
  void updateAccountReplacesTheCardOnBothVersions() {
    String accountId = accountId(createAccount("", "acct-1", CARD));
    String body = "{\"card\":{\"accountNumber\":\"" + OTHER_CARD + "\"}}";

    String v2Path = "/v2/clients/" + simulator.clientId() + "/accounts/" + accountId;

    HttpResponse<String> v1 = client.put(client.client("/accounts/" + accountId), body);
    HttpResponse<String> v2 = client.put(v2Path, body);
    HttpResponse<String> v2Get = client.get(v2Path);

    assertThat(v1.statusCode()).isEqualTo(200);
    assertThat(v2.statusCode()).isEqualTo(200);
    assertThat(v2Get.statusCode()).isEqualTo(405);
    assertThat(json(client.get(client.client("/accounts/" + accountId))).at("/card/last4").asText())
        .isEqualTo("0004");
    assertThat(simulator.stats().count("UpdateAccount", 200)).isEqualTo(2);
  }
}

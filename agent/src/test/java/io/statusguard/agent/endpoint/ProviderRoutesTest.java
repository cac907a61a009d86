package io.statusguard.agent.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderRoutesTest {
  private static final String CLIENT = "A0oH0E4EiWloxnwr75liQg";
  private static final String ID = "Zx9kP0aQ1bR2cS3dT4eU5f";

  private final EndpointTemplater templater = EndpointTemplater.create(ProviderRoutes.builtIn());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET    | /v1/clients/C                         |                        | RetrieveClient      | /v1/clients/{ClientID}",
      "POST   | /v1/clients/C/keys                    |                        | CreateKey           | /v1/clients/{ClientID}/keys",
      "GET    | /v1/clients/C/keys/I                  |                        | RetrieveKey         | /v1/clients/{ClientID}/keys/{KeyID}",
      "DELETE | /v1/clients/C/keys/I                  |                        | DeleteKey           | /v1/clients/{ClientID}/keys/{KeyID}",
      "POST   | /v1/clients/C/cards                   | AVS+Fees               | QueryCard           | /v1/clients/{ClientID}/cards",
      "POST   | /v1/clients/C/banks                   |                        | QueryBank           | /v1/clients/{ClientID}/banks",
      "POST   | /v1/clients/C/ofac                    |                        | QueryOFAC           | /v1/clients/{ClientID}/ofac",
      "POST   | /v1/clients/C/accounts                | RejectDuplicateCard    | CreateAccount       | /v1/clients/{ClientID}/accounts",
      "GET    | /v1/clients/C/accounts/I              |                        | RetrieveAccount     | /v1/clients/{ClientID}/accounts/{AccountID}",
      "GET    | /v1/clients/C/accounts                | referenceID=ref-1      | RetrieveAccount     | /v1/clients/{ClientID}/accounts",
      "PUT    | /v1/clients/C/accounts/I              |                        | UpdateAccount       | /v1/clients/{ClientID}/accounts/{AccountID}",
      "PUT    | /v2/clients/C/accounts/I              |                        | UpdateAccount       | /v2/clients/{ClientID}/accounts/{AccountID}",
      "DELETE | /v1/clients/C/accounts/I              | DeleteDuplicateCard    | DeleteAccount       | /v1/clients/{ClientID}/accounts/{AccountID}",
      "POST   | /v1/clients/C/transactions            | authorize              | CreateTransaction   | /v1/clients/{ClientID}/transactions",
      "GET    | /v1/clients/C/transactions/I          |                        | RetrieveTransaction | /v1/clients/{ClientID}/transactions/{TransactionID}",
      "GET    | /v1/clients/C/transactions            | referenceID=ref-1      | RetrieveTransaction | /v1/clients/{ClientID}/transactions",
      "GET    | /v1/clients/C/transactions            | ReferenceId=ref-1      | RetrieveTransaction | /v1/clients/{ClientID}/transactions",
      "PATCH  | /v1/clients/C/transactions/I          |                        | CaptureTransaction  | /v1/clients/{ClientID}/transactions/{TransactionID}",
      "DELETE | /v1/clients/C/transactions/I          | void                   | DeleteTransaction   | /v1/clients/{ClientID}/transactions/{TransactionID}",
      "DELETE | /v1/clients/C/transactions/I          | reversal               | DeleteTransaction   | /v1/clients/{ClientID}/transactions/{TransactionID}",
      "DELETE | /v2/clients/C/transactions/rtp/R      |                        | DeleteRTPTransaction| /v2/clients/{ClientID}/transactions/rtp/{RTPNetworkID}",
      "POST   | /v2/clients/C/subclients              |                        | CreateSubClient     | /v2/clients/{ClientID}/subclients",
      "GET    | /v2/clients/C/subclients/1234         |                        | RetrieveSubClient   | /v2/clients/{ClientID}/subclients/{SubClientID}",
      "GET    | /v4/clients/C/subclients              |                        | ListSubClients      | /v4/clients/{ClientID}/subclients",
  })
  void namesEveryOperationOfTheProvider(String method, String path, String query, String operation,
      String template) {
    String rawPath = path.replace("/C", "/" + CLIENT).replace("/I", "/" + ID)
        .replace("/R", "/" + "R".repeat(35));

    Endpoint endpoint = templater.template(method, "pay.example", 8443, rawPath, query);

    assertThat(endpoint.operation()).isEqualTo(operation);
    assertThat(endpoint.template()).isEqualTo(template);
  }

  @Test
  void aSubClientIsAddressedThroughItsClient() {
    Endpoint endpoint = templater.template("GET", "pay.example", 8443,
        "/v1/clients/" + CLIENT + "_123456/transactions/" + ID, null);

    assertThat(endpoint.operation()).isEqualTo("RetrieveTransaction");
    assertThat(endpoint.template())
        .isEqualTo("/v1/clients/{ClientID}/transactions/{TransactionID}");
  }

  @Test
  void keepsQueryNamesOfARoute() {
    Endpoint endpoint = templater.template("GET", "pay.example", 8443,
        "/v1/clients/" + CLIENT + "/transactions", "referenceID=order-4111111111111111");

    assertThat(endpoint.queryNames()).containsExactly("referenceID");
    assertThat(endpoint.toString()).doesNotContain("order", "4111");
  }

  @Test
  void listingTransactionsWithoutAReferenceIsNoOperation() {
    Endpoint endpoint = templater.template("GET", "pay.example", 8443,
        "/v1/clients/" + CLIENT + "/transactions", null);

    assertThat(endpoint.operation()).isNull();
    assertThat(endpoint.template()).isEqualTo("/v1/clients/{id}/transactions");
  }

  @Test
  void aWrongMethodIsNoOperation() {
    Endpoint endpoint = templater.template("POST", "pay.example", 8443,
        "/v1/clients/" + CLIENT + "/transactions/" + ID, null);

    assertThat(endpoint.operation()).isNull();
    assertThat(endpoint.template()).isEqualTo("/v1/clients/{id}/transactions/{id}");
  }

  @Test
  void theFirstMatchingRouteWins() {
    ProviderRoutes routes = ProviderRoutes.of(java.util.List.of(
        ProviderRoute.of("GET", "/things/special", "Special"),
        ProviderRoute.of("GET", "/things/{ThingID}", "RetrieveThing")));
    EndpointTemplater custom = EndpointTemplater.create(routes);

    assertThat(custom.template("GET", "h", 80, "/things/special", null).operation())
        .isEqualTo("Special");
    assertThat(custom.template("GET", "h", 80, "/things/other", null).operation())
        .isEqualTo("RetrieveThing");
  }

  @Test
  void rejectsAPatternWithoutLeadingSlash() {
    assertThatThrownBy(() -> ProviderRoute.of("GET", "things", "Things"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package io.statusguard.agent.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.profile.HostPattern;
import io.statusguard.agent.profile.ProviderProfile;
import io.statusguard.agent.profile.ProviderRoute;
import io.statusguard.agent.secret.SecretScrubber;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderRoutesTest {
  private static final String CLIENT = "A0oH0E4EiWloxnwr75liQg";
  private static final String ID = "Zx9kP0aQ1bR2cS3dT4eU5f";

  private final EndpointTemplater templater = EndpointTemplater.create(ProviderRoutes.builtIn());

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "GET    | /v1/clients/C                    | -                   | RetrieveClient      | /v1/clients/{ClientID}                                 | -            | -",
      "POST   | /v1/clients/C/keys               | -                   | CreateKey           | /v1/clients/{ClientID}/keys                            | -            | -",
      "GET    | /v1/clients/C/keys/I             | -                   | RetrieveKey         | /v1/clients/{ClientID}/keys/{KeyID}                    | KeyID        | I",
      "DELETE | /v1/clients/C/keys/I             | -                   | DeleteKey           | /v1/clients/{ClientID}/keys/{KeyID}                    | KeyID        | I",
      "POST   | /v1/clients/C/cards              | AVS+Fees            | QueryCard           | /v1/clients/{ClientID}/cards                           | -            | -",
      "POST   | /v1/clients/C/banks              | -                   | QueryBank           | /v1/clients/{ClientID}/banks                           | -            | -",
      "POST   | /v1/clients/C/ofac               | -                   | QueryOFAC           | /v1/clients/{ClientID}/ofac                            | -            | -",
      "POST   | /v1/clients/C/accounts           | RejectDuplicateCard | CreateAccount       | /v1/clients/{ClientID}/accounts                        | -            | -",
      "POST   | /v1/clients/C/accounts           | OKToAddDuplicateCard| CreateAccount       | /v1/clients/{ClientID}/accounts                        | -            | -",
      "GET    | /v1/clients/C/accounts/I         | -                   | RetrieveAccount     | /v1/clients/{ClientID}/accounts/{AccountID}            | AccountID    | I",
      "GET    | /v1/clients/C/accounts           | referenceID=ref-1   | RetrieveAccount     | /v1/clients/{ClientID}/accounts                        | ReferenceID  | ref-1",
      "PUT    | /v1/clients/C/accounts/I         | -                   | UpdateAccount       | /v1/clients/{ClientID}/accounts/{AccountID}            | AccountID    | I",
      "PUT    | /v2/clients/C/accounts/I         | -                   | UpdateAccount       | /v2/clients/{ClientID}/accounts/{AccountID}            | AccountID    | I",
      "DELETE | /v1/clients/C/accounts/I         | DeleteDuplicateCard | DeleteAccount       | /v1/clients/{ClientID}/accounts/{AccountID}            | AccountID    | I",
      "POST   | /v1/clients/C/transactions       | authorize           | CreateTransaction   | /v1/clients/{ClientID}/transactions                    | -            | -",
      "GET    | /v1/clients/C/transactions/I     | -                   | RetrieveTransaction | /v1/clients/{ClientID}/transactions/{TransactionID}    | TransactionID| I",
      "GET    | /v1/clients/C/transactions       | referenceID=ref-1   | RetrieveTransaction | /v1/clients/{ClientID}/transactions                    | ReferenceID  | ref-1",
      "GET    | /v1/clients/C/transactions       | x=1&ReferenceId=r%2D2| RetrieveTransaction| /v1/clients/{ClientID}/transactions                    | ReferenceID  | r-2",
      "PATCH  | /v1/clients/C/transactions/I     | -                   | CaptureTransaction  | /v1/clients/{ClientID}/transactions/{TransactionID}    | TransactionID| I",
      "DELETE | /v1/clients/C/transactions/I     | void                | DeleteTransaction   | /v1/clients/{ClientID}/transactions/{TransactionID}    | TransactionID| I",
      "DELETE | /v1/clients/C/transactions/I     | reversal            | DeleteTransaction   | /v1/clients/{ClientID}/transactions/{TransactionID}    | TransactionID| I",
      "DELETE | /v2/clients/C/transactions/rtp/R | -                   | DeleteRTPTransaction| /v2/clients/{ClientID}/transactions/rtp/{RTPNetworkID} | RTPNetworkID | R",
      "POST   | /v2/clients/C/subclients         | -                   | CreateSubClient     | /v2/clients/{ClientID}/subclients                      | -            | -",
      "GET    | /v2/clients/C/subclients         | -                   | ListSubClients      | /v2/clients/{ClientID}/subclients                      | -            | -",
      "GET    | /v2/clients/C/subclients/1234    | -                   | RetrieveSubClient   | /v2/clients/{ClientID}/subclients/{SubClientID}        | SubClientID  | 1234",
      "PUT    | /v2/clients/C/subclients/1234    | -                   | UpdateSubClient     | /v2/clients/{ClientID}/subclients/{SubClientID}        | SubClientID  | 1234",
      "DELETE | /v2/clients/C/subclients/1234    | -                   | DeleteSubClient     | /v2/clients/{ClientID}/subclients/{SubClientID}        | SubClientID  | 1234",
      "POST   | /v4/clients/C/subclients         | -                   | CreateSubClient     | /v4/clients/{ClientID}/subclients                      | -            | -",
      "GET    | /v4/clients/C/subclients         | -                   | ListSubClients      | /v4/clients/{ClientID}/subclients                      | -            | -",
      "GET    | /v4/clients/C/subclients/123456  | -                   | RetrieveSubClient   | /v4/clients/{ClientID}/subclients/{SubClientID}        | SubClientID  | 123456",
      "PUT    | /v4/clients/C/subclients/123456  | -                   | UpdateSubClient     | /v4/clients/{ClientID}/subclients/{SubClientID}        | SubClientID  | 123456",
      "DELETE | /v4/clients/C/subclients/123456  | -                   | DeleteSubClient     | /v4/clients/{ClientID}/subclients/{SubClientID}        | SubClientID  | 123456",
  })
  void namesEveryOperationOfTheProviderWithItsResourceAndClient(String method, String path,
      String query, String operation, String template, String resourceType, String resourceId) {
    String rawPath = expand(path);

    Endpoint endpoint = templater.template(method, "pay.example", 8443, rawPath, query);

    assertThat(endpoint.operation()).isEqualTo(operation);
    assertThat(endpoint.template()).isEqualTo(template);
    assertThat(endpoint.clientId()).isEqualTo(CLIENT);
    assertThat(endpoint.resourceType()).isEqualTo(resourceType);
    assertThat(endpoint.resourceId()).isEqualTo(resourceId == null ? null : expand("/" + resourceId)
        .substring(1));
  }

  private static String expand(String path) {
    return path.replace("/C", "/" + CLIENT).replace("/I", "/" + ID)
        .replace("/R", "/" + "R".repeat(35));
  }

  @Test
  void aSubClientIsAddressedThroughItsClient() {
    Endpoint endpoint = templater.template("GET", "pay.example", 8443,
        "/v1/clients/" + CLIENT + "_123456/transactions/" + ID, null);

    assertThat(endpoint.operation()).isEqualTo("RetrieveTransaction");
    assertThat(endpoint.template())
        .isEqualTo("/v1/clients/{ClientID}/transactions/{TransactionID}");
    assertThat(endpoint.clientId()).isEqualTo(CLIENT + "_123456");
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
    ProviderRoutes routes = ProviderRoutes.anyHost(List.of(
        ProviderRoute.of("GET", "/things/special", "Special"),
        ProviderRoute.of("GET", "/things/{ThingID}", "RetrieveThing")));
    EndpointTemplater custom = EndpointTemplater.create(routes);

    assertThat(custom.template("GET", "h", 80, "/things/special", null).operation())
        .isEqualTo("Special");
    assertThat(custom.template("GET", "h", 80, "/things/other", null).operation())
        .isEqualTo("RetrieveThing");
  }

  @Test
  void aProfileAppliesOnlyToItsHosts() {
    ProviderRoutes routes = ProviderRoutes.of(List.of(ProviderProfile.of("shop",
        List.of(HostPattern.of("shop.example"), HostPattern.of("*.shop.example")),
        List.of(ProviderRoute.of("GET", "/orders/{OrderID}", "RetrieveOrder")
            .withResource("OrderID")))));
    EndpointTemplater custom = EndpointTemplater.create(routes);

    assertThat(custom.template("GET", "eu.shop.example", 443, "/orders/o-17", null))
        .extracting(Endpoint::operation, Endpoint::resourceId).containsExactly("RetrieveOrder", "o-17");
    Endpoint elsewhere = custom.template("GET", "other.example", 443, "/orders/o-17", null);
    assertThat(elsewhere.operation()).isNull();
    assertThat(elsewhere.resourceId()).isNull();
    assertThat(routes.appliesTo("shop.example")).isTrue();
    assertThat(routes.appliesTo("other.example")).isFalse();
  }

  @Test
  void laterProfilesAreTriedWhenNoRouteOfAnEarlierOneMatches() {
    ProviderRoutes routes = ProviderRoutes.of(List.of(
        ProviderProfile.of("mine", List.of(HostPattern.any()), List.of(
            ProviderRoute.of("GET", "/v1/clients/{ClientID}", "MyRetrieveClient"))),
        ProviderProfile.builtIn()));
    EndpointTemplater custom = EndpointTemplater.create(routes);

    assertThat(custom.template("GET", "h", 443, "/v1/clients/" + CLIENT, null).operation())
        .isEqualTo("MyRetrieveClient");
    assertThat(custom.template("GET", "h", 443, "/v1/clients/" + CLIENT + "/keys/" + ID, null)
        .operation()).isEqualTo("RetrieveKey");
  }

  @Test
  void theGenericRuleNeverYieldsAResourceOrClient() {
    Endpoint endpoint = EndpointTemplater.create(ProviderRoutes.none())
        .template("GET", "pay.example", 443, "/v1/clients/" + CLIENT + "/transactions/" + ID, null);

    assertThat(endpoint.resourceType()).isNull();
    assertThat(endpoint.resourceId()).isNull();
    assertThat(endpoint.clientId()).isNull();
  }

  @Test
  void masksCardNumbersInIdentifiers() {
    Endpoint endpoint = templater.template("GET", "pay.example", 8443,
        "/v1/clients/" + CLIENT + "/transactions", "referenceID=order-4111111111111111");

    assertThat(endpoint.resourceId()).isEqualTo("order-" + SecretScrubber.CARD);
  }

  @Test
  void leavesOutIdentifiersLongerThanTheBound() {
    String longId = "a".repeat(RouteValues.MAX_VALUE_LENGTH + 1);

    Endpoint endpoint = templater.template("GET", "pay.example", 8443,
        "/v1/clients/" + longId + "/transactions/" + "b".repeat(RouteValues.MAX_VALUE_LENGTH), null);

    assertThat(endpoint.operation()).isEqualTo("RetrieveTransaction");
    assertThat(endpoint.clientId()).isNull();
    assertThat(endpoint.resourceId()).isEqualTo("b".repeat(RouteValues.MAX_VALUE_LENGTH));
    assertThat(templater.template("GET", "pay.example", 8443, "/v1/clients/" + CLIENT
        + "/transactions", "referenceID=" + longId).resourceType()).isNull();
  }

  @Test
  void leavesOutIdentifiersWithControlCharacters() {
    Endpoint endpoint = templater.template("GET", "pay.example", 8443,
        "/v1/clients/" + CLIENT + "/transactions/a%0Ab", null);

    assertThat(endpoint.operation()).isEqualTo("RetrieveTransaction");
    assertThat(endpoint.resourceId()).isNull();
  }
}

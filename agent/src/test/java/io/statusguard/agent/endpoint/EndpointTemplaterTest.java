package io.statusguard.agent.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTemplaterTest {
  private final EndpointTemplater templater = EndpointTemplater.create(ProviderRoutes.none());

  private String template(String rawPath) {
    return templater.template("GET", "api.example.com", 443, rawPath, null).template();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/orders/12345                                        | /orders/{id}",
      "/orders/7/items/3                                    | /orders/{id}/items/{id}",
      "/users/123e4567-e89b-12d3-a456-426614174000          | /users/{id}",
      "/users/ABCDEFAB-CDEF-ABCD-EFAB-CDEFABCDEFAB/profile  | /users/{id}/profile",
      "/v1/clients/A0oH0E4EiWloxnwr75liQg                   | /v1/clients/{id}",
      "/v1/clients/aBcDeFgHiJkLmNoPqRsTuV/keys              | /v1/clients/{id}/keys",
      "/v1/clients/A0oH0E4EiWloxnwr75liQg_1234/accounts     | /v1/clients/{id}/accounts",
      "/commits/3f2a9c1b7e5d8a6f                            | /commits/{id}",
      "/sessions/xK9mP2qR7tL5wZ                             | /sessions/{id}",
      "/orders/order-77/lines                               | /orders/{id}/lines",
      "/search/john%20smith                                 | /search/{id}",
      "/users/jane.doe@example.com                          | /users/{id}",
      "/files/caf%C3%A9                                     | /files/{id}",
      "/cards/4111-1111-1111-1111/check                     | /cards/{id}/check",
      "/x/card4111111111111111                              | /x/{id}",
      "/x/card%204111%201111%201111%201111                  | /x/{id}",
      "/keys/a1b2c3                                         | /keys/{id}",
      "/sessions/eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.       | /sessions/{id}",
      "/auth/Bearer%20abc123def456                          | /auth/{id}",
  })
  void replacesIdentifiersWithPlaceholders(String rawPath, String expected) {
    assertThat(template(rawPath)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/health", "/api/v1/orders", "/api/v2beta1/status", "/oauth2/token",
      "/v1/clients", "/docs/index.html", "/a/b/", "/retrieve-transactions"})
  void keepsFixedWordsOfTheApi(String rawPath) {
    assertThat(template(rawPath)).isEqualTo(rawPath);
  }

  @Test
  void anEmptyPathIsTheRoot() {
    assertThat(template("")).isEqualTo("/");
    assertThat(template(null)).isEqualTo("/");
  }

  @Test
  void keepsAllLowerCaseWordsOfTwentyTwoCharacters() {
    assertThat(template("/abcdefghijklmnopqrstuv")).isEqualTo("/abcdefghijklmnopqrstuv");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/cards/4111111111111111",
      "/cards/4111-1111-1111-1111/check",
      "/cards/4111%201111%201111%201111",
      "/cards/card4111111111111111",
      "/pay/378282246310005",
      "/pay/3782%20822463%2010005",
      "/cards/%34%31%31%31%31%31%31%31%31%31%31%31%31%31%31%31",
      "/x;jsessionid=4111111111111111/y",
  })
  void cardNumbersNeverSurvive(String rawPath) {
    Endpoint endpoint = templater.template("GET", "api.example.com", 443, rawPath,
        "pan=4111111111111111&4111111111111111&cvv=123");

    assertThat(endpoint.toString()).doesNotContain("4111", "1111", "3782", "0005", "123");
    assertThat(endpoint.queryNames()).containsExactly("pan", "{id}", "cvv");
  }

  @Test
  void keepsQueryNamesNeverValues() {
    Endpoint endpoint = templater.template("GET", "api.example.com", 443, "/search",
        "q=secret&token=abc.def&page=2&q=again&flag");

    assertThat(endpoint.queryNames()).containsExactly("q", "token", "page", "flag");
    assertThat(endpoint.toString()).doesNotContain("secret", "abc.def", "again");
  }

  @Test
  void hidesQueryNamesThatAreCardNumbersOrTokens() {
    Endpoint endpoint = templater.template("GET", "api.example.com", 443, "/search",
        "4111-1111-1111-1111&Bearer%20abc123&eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.=1&cvv%20123=2"
            + "&page=3");

    assertThat(endpoint.queryNames()).containsExactly("{id}", "page");
  }

  @Test
  void splitsValuelessFlagsJoinedByPlus() {
    Endpoint endpoint = templater.template("POST", "api.example.com", 443, "/cards", "AVS+Fees");

    assertThat(endpoint.queryNames()).containsExactly("AVS", "Fees");
  }

  @Test
  void boundsQueryNamesInCountAndLength() {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      query.append("name").append((char) ('a' + i % 26)).append((char) ('a' + i / 26))
          .append("=1&");
    }
    query.append("x".repeat(100)).append("=1");

    List<String> names = templater.template("GET", "h", 80, "/", query.toString()).queryNames();

    assertThat(names).hasSize(UriComponents.MAX_QUERY_NAMES);
    assertThat(names).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(64));
  }

  @Test
  void replacesOverlongNamesWithPlaceholders() {
    List<String> names = templater.template("GET", "h", 80, "/", "x".repeat(100) + "=1")
        .queryNames();

    assertThat(names).containsExactly("{id}");
  }

  @Test
  void dropsMatrixParameters() {
    assertThat(template("/cart;jsessionid=ABCDEF/items")).isEqualTo("/cart/items");
  }

  @Test
  void boundsTheNumberOfSegments() {
    String rawPath = "/a".repeat(40);

    String template = template(rawPath);

    assertThat(template).isEqualTo("/a".repeat(UriComponents.MAX_SEGMENTS) + "/{truncated}");
  }

  @Test
  void boundsDistinctTemplatesPerHost() {
    EndpointTemplater bounded = EndpointTemplater.create(ProviderRoutes.none(), 3, 10);

    List<String> templates = List.of(
        bounded.template("GET", "a.example", 443, "/one", null).template(),
        bounded.template("GET", "a.example", 443, "/two", null).template(),
        bounded.template("GET", "a.example", 443, "/three", null).template(),
        bounded.template("GET", "a.example", 443, "/four", null).template(),
        bounded.template("GET", "a.example", 443, "/one", null).template(),
        bounded.template("GET", "b.example", 443, "/four", null).template());

    // The bound counts the overflow template too: a host never has more than 3 distinct ones.
    assertThat(templates).containsExactly("/one", "/two", "/{overflow}", "/{overflow}", "/one",
        "/four");
    assertThat(bounded.overflowCount()).isEqualTo(2);
  }

  @Test
  void boundsTheNumberOfHostsTracked() {
    EndpointTemplater bounded = EndpointTemplater.create(ProviderRoutes.none(), 3, 2);

    bounded.template("GET", "a.example", 443, "/x", null);
    bounded.template("GET", "b.example", 443, "/x", null);
    Endpoint third = bounded.template("GET", "c.example", 443, "/x", null);

    assertThat(third.template()).isEqualTo(EndpointTemplater.OVERFLOW);
    assertThat(bounded.overflowCount()).isEqualTo(1);
  }

  @Test
  void providerRoutesDoNotUseTheBudget() {
    EndpointTemplater bounded = EndpointTemplater.create(ProviderRoutes.builtIn(), 2, 1);
    bounded.template("GET", "p.example", 443, "/other", null);

    Endpoint endpoint = bounded.template("GET", "p.example", 443,
        "/v1/clients/A0oH0E4EiWloxnwr75liQg/transactions/Zx9kP0aQ1bR2cS3dT4eU5f", null);

    assertThat(endpoint.template())
        .isEqualTo("/v1/clients/{ClientID}/transactions/{TransactionID}");
    assertThat(bounded.overflowCount()).isZero();
  }
}

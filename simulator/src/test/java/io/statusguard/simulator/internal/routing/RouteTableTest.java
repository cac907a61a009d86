package io.statusguard.simulator.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
  private static final String C = "A0oH0E4EiWloxnwr75liQg";
  private static final String ID = "BBBBBBBBBBBBBBBBBBBBBB";

  private final RouteTable table = RouteTable.provider();

  @ParameterizedTest
  @CsvSource({
      "GET, /v1/clients/C, RETRIEVE_CLIENT",
      "POST, /v1/clients/C/keys, CREATE_KEY",
      "GET, /v1/clients/C/keys/ID, RETRIEVE_KEY",
      "DELETE, /v1/clients/C/keys/ID, DELETE_KEY",
      "POST, /v1/clients/C/cards, QUERY_CARD",
      "POST, /v1/clients/C/banks, QUERY_BANK",
      "POST, /v1/clients/C/ofac, QUERY_OFAC",
      "POST, /v1/clients/C/accounts, CREATE_ACCOUNT",
      "GET, /v1/clients/C/accounts, RETRIEVE_ACCOUNT",
      "GET, /v1/clients/C/accounts/ID, RETRIEVE_ACCOUNT",
      "PUT, /v1/clients/C/accounts/ID, UPDATE_ACCOUNT",
      "PUT, /v2/clients/C/accounts/ID, UPDATE_ACCOUNT",
      "DELETE, /v1/clients/C/accounts/ID, DELETE_ACCOUNT",
      "POST, /v1/clients/C/transactions, CREATE_TRANSACTION",
      "GET, /v1/clients/C/transactions, RETRIEVE_TRANSACTION",
      "GET, /v1/clients/C/transactions/ID, RETRIEVE_TRANSACTION",
      "PATCH, /v1/clients/C/transactions/ID, CAPTURE_TRANSACTION",
      "DELETE, /v1/clients/C/transactions/ID, DELETE_TRANSACTION",
      "DELETE, /v2/clients/C/transactions/rtp/ID, DELETE_RTP_TRANSACTION",
      "POST, /v2/clients/C/subclients, CREATE_SUB_CLIENT",
      "GET, /v4/clients/C/subclients/1234, RETRIEVE_SUB_CLIENT",
      "PUT, /v2/clients/C/subclients/1234, UPDATE_SUB_CLIENT",
  })
  void resolvesEveryDocumentedOperation(String method, String path, Operation expected) {
    RouteResolution resolution = table.resolve(method, path.replace("/C", "/" + C).replace("/ID", "/" + ID));

    assertThat(resolution).isInstanceOf(RouteResolution.Matched.class);
    assertThat(((RouteResolution.Matched) resolution).route().operation()).isEqualTo(expected);
  }

  @Test
  void coversEveryOperation() {
    Set<Operation> routed = table.routes().stream().map(Route::operation).collect(Collectors.toSet());

    assertThat(routed).isEqualTo(EnumSet.allOf(Operation.class));
  }

  @Test
  void capturesPlaceholdersAsRawSegments() {
    RouteResolution.Matched matched = (RouteResolution.Matched)
        table.resolve("GET", "/v1/clients/" + C + "_1234/transactions/" + ID);

    assertThat(matched.parameters())
        .containsEntry("ClientID", C + "_1234")
        .containsEntry("TransactionID", ID);
    assertThat(matched.operationName("unknown")).isEqualTo("RetrieveTransaction");
  }

  @Test
  void knownPathWithAnotherMethodListsTheAllowedOnes() {
    RouteResolution resolution = table.resolve("POST", "/v1/clients/" + C + "/transactions/" + ID);

    assertThat(resolution).isEqualTo(new RouteResolution.WrongMethod(List.of("DELETE", "GET", "PATCH")));
    assertThat(resolution.operationName("unknown")).isEqualTo("unknown");
  }

  @Test
  void unknownShapesMatchNothing() {
    for (String path : Arrays.asList("/", "", "/v1/clients", "/v3/clients/" + C, "/v1/clients/" + C + "/",
        "/v1/clients/" + C + "/transactions/" + ID + "/extra")) {
      assertThat(table.resolve("GET", path)).as(path).isInstanceOf(RouteResolution.NoRoute.class);
    }
  }
}

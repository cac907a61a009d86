package io.statusguard.agent.endpoint;

import java.util.List;

/**
 * The provider's operations as a table of routes, tried in order; the first match names the request.
 * Built in for now (from the provider's public API reference); a provider profile file replaces it
 * later, which is why it is data and not code. Immutable and thread-safe.
 */
public final class ProviderRoutes {
  private static final String CLIENT = "/clients/{ClientID}";

  private static final ProviderRoutes BUILT_IN = of(List.of(
      ProviderRoute.of("GET", "/v1" + CLIENT, "RetrieveClient"),
      ProviderRoute.of("POST", "/v1" + CLIENT + "/keys", "CreateKey"),
      ProviderRoute.of("GET", "/v1" + CLIENT + "/keys/{KeyID}", "RetrieveKey"),
      ProviderRoute.of("DELETE", "/v1" + CLIENT + "/keys/{KeyID}", "DeleteKey"),
      ProviderRoute.of("POST", "/v1" + CLIENT + "/cards", "QueryCard"),
      ProviderRoute.of("POST", "/v1" + CLIENT + "/banks", "QueryBank"),
      ProviderRoute.of("POST", "/v1" + CLIENT + "/ofac", "QueryOFAC"),
      ProviderRoute.of("POST", "/v1" + CLIENT + "/accounts", "CreateAccount"),
      ProviderRoute.of("GET", "/v1" + CLIENT + "/accounts", "RetrieveAccount")
          .withRequiredQueryName("referenceID"),
      ProviderRoute.of("GET", "/v1" + CLIENT + "/accounts/{AccountID}", "RetrieveAccount"),
      ProviderRoute.of("PUT", "/v1" + CLIENT + "/accounts/{AccountID}", "UpdateAccount"),
      ProviderRoute.of("PUT", "/v2" + CLIENT + "/accounts/{AccountID}", "UpdateAccount"),
      ProviderRoute.of("DELETE", "/v1" + CLIENT + "/accounts/{AccountID}", "DeleteAccount"),
      ProviderRoute.of("POST", "/v1" + CLIENT + "/transactions", "CreateTransaction"),
      ProviderRoute.of("GET", "/v1" + CLIENT + "/transactions", "RetrieveTransaction")
          .withRequiredQueryName("referenceID"),
      ProviderRoute.of("GET", "/v1" + CLIENT + "/transactions/{TransactionID}",
          "RetrieveTransaction"),
      ProviderRoute.of("PATCH", "/v1" + CLIENT + "/transactions/{TransactionID}",
          "CaptureTransaction"),
      ProviderRoute.of("DELETE", "/v1" + CLIENT + "/transactions/{TransactionID}",
          "DeleteTransaction"),
      ProviderRoute.of("DELETE", "/v2" + CLIENT + "/transactions/rtp/{RTPNetworkID}",
          "DeleteRTPTransaction"),
      // The reference names no sub-client operations; these names follow its Create/Retrieve style.
      ProviderRoute.of("POST", "/v2" + CLIENT + "/subclients", "CreateSubClient"),
      ProviderRoute.of("GET", "/v2" + CLIENT + "/subclients", "ListSubClients"),
      ProviderRoute.of("GET", "/v2" + CLIENT + "/subclients/{SubClientID}", "RetrieveSubClient"),
      ProviderRoute.of("PUT", "/v2" + CLIENT + "/subclients/{SubClientID}", "UpdateSubClient"),
      ProviderRoute.of("DELETE", "/v2" + CLIENT + "/subclients/{SubClientID}", "DeleteSubClient"),
      ProviderRoute.of("POST", "/v4" + CLIENT + "/subclients", "CreateSubClient"),
      ProviderRoute.of("GET", "/v4" + CLIENT + "/subclients", "ListSubClients"),
      ProviderRoute.of("GET", "/v4" + CLIENT + "/subclients/{SubClientID}", "RetrieveSubClient"),
      ProviderRoute.of("PUT", "/v4" + CLIENT + "/subclients/{SubClientID}", "UpdateSubClient"),
      ProviderRoute.of("DELETE", "/v4" + CLIENT + "/subclients/{SubClientID}", "DeleteSubClient")));

  private static final ProviderRoutes NONE = of(List.of());

  private final List<ProviderRoute> routes;

  private ProviderRoutes(List<ProviderRoute> routes) {
    this.routes = List.copyOf(routes);
  }

  public static ProviderRoutes of(List<ProviderRoute> routes) {
    return new ProviderRoutes(routes);
  }

  /** The card-payments provider's operations, from its public API reference. */
  public static ProviderRoutes builtIn() {
    return BUILT_IN;
  }

  /** No routes: every request is templated by the generic rule alone. */
  public static ProviderRoutes none() {
    return NONE;
  }

  public List<ProviderRoute> routes() {
    return routes;
  }

  /** The first route matching the request, or null. */
  ProviderRoute match(String method, List<String> pathSegments, List<String> queryNames) {
    for (ProviderRoute route : routes) {
      if (route.matches(method, pathSegments, queryNames)) {
        return route;
      }
    }
    return null;
  }
}

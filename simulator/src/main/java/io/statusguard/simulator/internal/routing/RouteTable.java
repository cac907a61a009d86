package io.statusguard.simulator.internal.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Selects the operation for a method and a raw path. The provider's table is data, one {@link Route} per
 * row, so the simulator and the documentation it follows can be compared line by line. Immutable.
 */
public final class RouteTable {
  private static final String CLIENT = "/clients/{ClientID}";
  private static final String ACCOUNT = CLIENT + "/accounts/{AccountID}";
  private static final String TRANSACTION = CLIENT + "/transactions/{TransactionID}";
  private static final String SUB_CLIENTS = CLIENT + "/subclients";
  private static final String SUB_CLIENT = SUB_CLIENTS + "/{SubClientID}";

  private final List<Route> routes;
  private final List<List<String>> templates;

  private RouteTable(List<Route> routes) {
    this.routes = List.copyOf(routes);
    this.templates = this.routes.stream().map(Route::segments).toList();
  }

  public static RouteTable of(List<Route> routes) {
    return new RouteTable(routes);
  }

  /** The card-payments provider's routes, as listed in its public reference. */
  public static RouteTable provider() {
    return of(List.of(
        new Route("GET", "/v1" + CLIENT, Operation.RETRIEVE_CLIENT),
        new Route("POST", "/v1" + CLIENT + "/keys", Operation.CREATE_KEY),
        new Route("GET", "/v1" + CLIENT + "/keys/{KeyID}", Operation.RETRIEVE_KEY),
        new Route("DELETE", "/v1" + CLIENT + "/keys/{KeyID}", Operation.DELETE_KEY),
        new Route("POST", "/v1" + CLIENT + "/cards", Operation.QUERY_CARD),
        new Route("POST", "/v1" + CLIENT + "/banks", Operation.QUERY_BANK),
        new Route("POST", "/v1" + CLIENT + "/ofac", Operation.QUERY_OFAC),
        new Route("POST", "/v1" + CLIENT + "/accounts", Operation.CREATE_ACCOUNT),
        new Route("GET", "/v1" + CLIENT + "/accounts", Operation.RETRIEVE_ACCOUNT),
        new Route("GET", "/v1" + ACCOUNT, Operation.RETRIEVE_ACCOUNT),
        new Route("PUT", "/v1" + ACCOUNT, Operation.UPDATE_ACCOUNT),
        new Route("PUT", "/v2" + ACCOUNT, Operation.UPDATE_ACCOUNT),
        new Route("DELETE", "/v1" + ACCOUNT, Operation.DELETE_ACCOUNT),
        new Route("POST", "/v1" + CLIENT + "/transactions", Operation.CREATE_TRANSACTION),
        new Route("GET", "/v1" + CLIENT + "/transactions", Operation.RETRIEVE_TRANSACTION),
        new Route("GET", "/v1" + TRANSACTION, Operation.RETRIEVE_TRANSACTION),
        new Route("PATCH", "/v1" + TRANSACTION, Operation.CAPTURE_TRANSACTION),
        new Route("DELETE", "/v1" + TRANSACTION, Operation.DELETE_TRANSACTION),
        new Route("DELETE", "/v2" + CLIENT + "/transactions/rtp/{RTPNetworkID}",
            Operation.DELETE_RTP_TRANSACTION),
        new Route("POST", "/v2" + SUB_CLIENTS, Operation.CREATE_SUB_CLIENT),
        new Route("GET", "/v2" + SUB_CLIENT, Operation.RETRIEVE_SUB_CLIENT),
        new Route("PUT", "/v2" + SUB_CLIENT, Operation.UPDATE_SUB_CLIENT),
        new Route("POST", "/v4" + SUB_CLIENTS, Operation.CREATE_SUB_CLIENT),
        new Route("GET", "/v4" + SUB_CLIENT, Operation.RETRIEVE_SUB_CLIENT),
        new Route("PUT", "/v4" + SUB_CLIENT, Operation.UPDATE_SUB_CLIENT)));
  }

  public List<Route> routes() {
    return routes;
  }

  public RouteResolution resolve(String method, String rawPath) {
    String[] segments = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[0];
    List<String> allowed = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      Optional<Map<String, String>> parameters = match(templates.get(i), segments);
      if (parameters.isEmpty()) {
        continue;
      }
      if (route.method().equals(method)) {
        return new RouteResolution.Matched(route, parameters.get());
      }
      allowed.add(route.method());
    }
    return allowed.isEmpty() ? new RouteResolution.NoRoute() : new RouteResolution.WrongMethod(allowed);
  }

  private static Optional<Map<String, String>> match(List<String> template, String[] segments) {
    if (template.size() != segments.length) {
      return Optional.empty();
    }
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < segments.length; i++) {
      String expected = template.get(i);
      if (Route.isPlaceholder(expected)) {
        parameters.put(Route.placeholderName(expected), segments[i]);
      } else if (!expected.equals(segments[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }
}

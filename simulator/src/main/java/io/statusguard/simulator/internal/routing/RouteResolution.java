package io.statusguard.simulator.internal.routing;

import java.util.List;
import java.util.Map;

/** What the route table made of a request's method and path. */
public sealed interface RouteResolution {

  /** The operation's provider name, or {@code unmatched} when the request selected none. */
  String operationName(String unmatched);

  /** A route matched; {@code parameters} maps placeholder names to the raw path segments. */
  record Matched(Route route, Map<String, String> parameters) implements RouteResolution {
    public Matched {
      parameters = Map.copyOf(parameters);
    }

    @Override
    public String operationName(String unmatched) {
      return route.operation().providerName();
    }
  }

  /** The path is known but not with this method: 405 with {@code Allow} listing the others, sorted. */
  record WrongMethod(List<String> allowedMethods) implements RouteResolution {
    public WrongMethod {
      allowedMethods = allowedMethods.stream().sorted().distinct().toList();
    }

    @Override
    public String operationName(String unmatched) {
      return unmatched;
    }
  }

  /** No route has this path's shape: 404. */
  record NoRoute() implements RouteResolution {
    @Override
    public String operationName(String unmatched) {
      return unmatched;
    }
  }
}

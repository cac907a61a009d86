package io.statusguard.agent.endpoint;

import io.statusguard.agent.profile.HostPattern;
import io.statusguard.agent.profile.ProviderProfile;
import io.statusguard.agent.profile.ProviderRoute;
import java.util.List;

/**
 * The provider profiles in force, tried in order: for a request, the first route of the first profile
 * that applies to its host names it. Immutable and thread-safe.
 */
public final class ProviderRoutes {
  private static final ProviderRoutes NONE = new ProviderRoutes(List.of());

  private final List<ProviderProfile> profiles;

  private ProviderRoutes(List<ProviderProfile> profiles) {
    this.profiles = List.copyOf(profiles);
  }

  /** The profiles, tried in the order given. */
  public static ProviderRoutes of(List<ProviderProfile> profiles) {
    return new ProviderRoutes(profiles);
  }

  /** One profile of {@code routes} that applies to every host. */
  public static ProviderRoutes anyHost(List<ProviderRoute> routes) {
    return of(List.of(ProviderProfile.of("routes", List.of(HostPattern.any()), routes)));
  }

  /** The built-in profile of the card-payments provider alone. */
  public static ProviderRoutes builtIn() {
    return of(List.of(ProviderProfile.builtIn()));
  }

  /** No routes: every request is templated by the generic rule alone. */
  public static ProviderRoutes none() {
    return NONE;
  }

  public List<ProviderProfile> profiles() {
    return profiles;
  }

  /** Whether some profile applies to {@code host}: its responses are the provider's. */
  public boolean appliesTo(String host) {
    for (ProviderProfile profile : profiles) {
      if (profile.appliesTo(host)) {
        return true;
      }
    }
    return false;
  }

  /** The first route matching the request, or null. */
  ProviderRoute match(String method, String host, List<String> pathSegments,
      List<String> queryNames) {
    for (ProviderProfile profile : profiles) {
      if (profile.appliesTo(host)) {
        ProviderRoute route = profile.match(method, pathSegments, queryNames);
        if (route != null) {
          return route;
        }
      }
    }
    return null;
  }
}

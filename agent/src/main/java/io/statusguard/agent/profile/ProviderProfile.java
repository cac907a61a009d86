package io.statusguard.agent.profile;

import java.util.List;
import java.util.Objects;

/**
 * What the agent knows about one API: the hosts it is served from and its routes, tried in order. The
 * built-in profile describes the card-payments provider; users replace or extend it with a YAML file
 * ({@link ProfileReader}). Immutable and thread-safe.
 */
public final class ProviderProfile {
  /** The built-in profile document, shared with the analyzer (module {@code provider-profile}). */
  public static final String BUILT_IN_RESOURCE = "io/statusguard/profile/default-provider-profile.yaml";

  private final String name;
  private final List<HostPattern> hosts;
  private final List<ProviderRoute> routes;
  private final boolean anyHost;

  private ProviderProfile(String name, List<HostPattern> hosts, List<ProviderRoute> routes) {
    this.name = Objects.requireNonNull(name, "name");
    this.hosts = List.copyOf(hosts);
    this.routes = List.copyOf(routes);
    this.anyHost = this.hosts.stream().anyMatch(HostPattern::matchesAny);
  }

  public static ProviderProfile of(String name, List<HostPattern> hosts, List<ProviderRoute> routes) {
    return new ProviderProfile(name, hosts, routes);
  }

  /** The card-payments provider's profile, read from {@value #BUILT_IN_RESOURCE} on first use. */
  public static ProviderProfile builtIn() {
    return BuiltIn.PROFILE;
  }

  public String name() {
    return name;
  }

  public List<HostPattern> hosts() {
    return hosts;
  }

  public List<ProviderRoute> routes() {
    return routes;
  }

  /** Whether requests to {@code host} are this profile's. */
  public boolean appliesTo(String host) {
    if (anyHost) {
      return true;
    }
    for (HostPattern pattern : hosts) {
      if (pattern.matches(host)) {
        return true;
      }
    }
    return false;
  }

  /** The first route matching a request to one of this profile's hosts, or null. */
  public ProviderRoute match(String method, List<String> pathSegments, List<String> queryNames) {
    for (ProviderRoute route : routes) {
      if (route.matches(method, pathSegments, queryNames)) {
        return route;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name + " (hosts " + hosts + ", " + routes.size() + " routes)";
  }

  /** Reads the built-in document once, when first asked for: its class is loaded only then. */
  private static final class BuiltIn {
    static final ProviderProfile PROFILE = read();

    private static ProviderProfile read() {
      try {
        return ProfileReader.readResource(BUILT_IN_RESOURCE, "built-in " + BUILT_IN_RESOURCE,
            ProviderProfile.class.getClassLoader());
      } catch (InvalidProfileException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }
}

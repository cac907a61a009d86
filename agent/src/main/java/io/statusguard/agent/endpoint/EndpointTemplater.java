package io.statusguard.agent.endpoint;

import io.statusguard.agent.profile.ProviderRoute;
import io.statusguard.agent.secret.SecretScrubber;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reduces a request target to an {@link Endpoint} that is safe to publish and of bounded cardinality.
 * A route of a provider profile that applies to the host names the operation and its placeholders
 * (and the resource and client ids it marks); any other path keeps its fixed words and has every
 * identifier-like segment replaced by {@value #ID}, as has any segment in which {@link SecretScrubber}
 * finds a secret. Each host gets at most {@code maxTemplatesPerHost} distinct generic templates,
 * {@value #OVERFLOW} included: once it has used up the others, new ones become {@value #OVERFLOW},
 * and each such request is counted.
 *
 * <p>Not thread-safe: confined to the publisher thread.
 */
public final class EndpointTemplater {
  public static final String ID = "{id}";
  public static final String OVERFLOW = "/{overflow}";
  /** Ends a template whose path had more than {@link UriComponents#MAX_SEGMENTS} segments. */
  public static final String TRUNCATED = "{truncated}";
  public static final int DEFAULT_MAX_TEMPLATES_PER_HOST = 200;
  public static final int DEFAULT_MAX_HOSTS = 1000;

  private final ProviderRoutes routes;
  private final int maxTemplatesPerHost;
  private final int maxHosts;
  private final Map<String, Set<String>> templatesByHost = new HashMap<>();
  /** Written by the confined thread only, read by JMX and heartbeats. */
  private volatile long overflowCount;

  private EndpointTemplater(ProviderRoutes routes, int maxTemplatesPerHost, int maxHosts) {
    this.routes = Objects.requireNonNull(routes, "routes");
    if (maxTemplatesPerHost < 1 || maxHosts < 1) {
      throw new IllegalArgumentException("bounds must be positive: " + maxTemplatesPerHost + ", "
          + maxHosts);
    }
    this.maxTemplatesPerHost = maxTemplatesPerHost;
    this.maxHosts = maxHosts;
  }

  public static EndpointTemplater create(ProviderRoutes routes) {
    return new EndpointTemplater(routes, DEFAULT_MAX_TEMPLATES_PER_HOST, DEFAULT_MAX_HOSTS);
  }

  public static EndpointTemplater create(ProviderRoutes routes, int maxTemplatesPerHost,
      int maxHosts) {
    return new EndpointTemplater(routes, maxTemplatesPerHost, maxHosts);
  }

  /**
   * The endpoint of a request; {@code rawPath} and {@code rawQuery} are as they appear on the wire
   * (percent-encoded), either may be null.
   */
  public Endpoint template(String method, String host, int port, String rawPath, String rawQuery) {
    List<String> segments = UriComponents.pathSegments(rawPath);
    List<String> queryNames = UriComponents.queryNames(rawQuery);
    ProviderRoute route = routes.match(method, host, segments, queryNames);
    if (route != null) {
      return RouteValues.endpoint(route, segments, rawQuery, queryNames);
    }
    return Endpoint.of(admit(host + ':' + port, generic(segments)), null, queryNames);
  }

  /**
   * How many requests got {@value #OVERFLOW} because their host had used up its templates (or too
   * many hosts were seen). Any thread may read it.
   */
  public long overflowCount() {
    return overflowCount;
  }

  private static String generic(List<String> segments) {
    if (segments.isEmpty()) {
      return "/";
    }
    StringBuilder template = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      template.append('/');
      if (i == UriComponents.MAX_SEGMENTS) {
        template.append(TRUNCATED);
        break;
      }
      String segment = segments.get(i);
      template.append(isKeptVerbatim(segment) ? segment : ID);
    }
    return template.toString();
  }

  /** Whether a segment is a fixed word of the API, safe to publish as it is. */
  static boolean isKeptVerbatim(String segment) {
    // The scrubber is the last guard: a word the shapes let through must hold no secret either.
    return !IdentifierShapes.isIdentifier(segment) && SecretScrubber.scrub(segment) == segment;
  }

  private String admit(String hostKey, String template) {
    Set<String> templates = templatesByHost.get(hostKey);
    if (templates == null) {
      if (templatesByHost.size() >= maxHosts) {
        overflowCount = overflowCount + 1;
        return OVERFLOW;
      }
      templates = new HashSet<>();
      templatesByHost.put(hostKey, templates);
    }
    if (templates.contains(template)) {
      return template;
    }
    // One place of the bound is kept for the overflow template itself.
    if (templates.size() >= maxTemplatesPerHost - 1) {
      overflowCount = overflowCount + 1;
      return OVERFLOW;
    }
    templates.add(template);
    return template;
  }
}

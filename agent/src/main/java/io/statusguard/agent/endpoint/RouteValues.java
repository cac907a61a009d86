package io.statusguard.agent.endpoint;

import io.statusguard.agent.profile.ProviderRoute;
import io.statusguard.agent.profile.RouteVariable;
import io.statusguard.agent.secret.SecretScrubber;
import java.util.List;

/**
 * Builds the endpoint of a request that a profile's route matched, with the values of the variables
 * the route marks as resource and client ids. A value is the decoded path segment or query value,
 * masked by {@link SecretScrubber}; one that is empty, longer than {@value #MAX_VALUE_LENGTH}
 * characters or holds control characters is left out, as no identifier looks like that. Stateless.
 */
final class RouteValues {
  static final int MAX_VALUE_LENGTH = 128;

  private RouteValues() {}

  static Endpoint endpoint(ProviderRoute route, List<String> segments, String rawQuery,
      List<String> queryNames) {
    RouteVariable resource = route.resource();
    RouteVariable client = route.client();
    return Endpoint.of(route.template(), route.operation(), queryNames,
        resource == null ? null : resource.name(),
        resource == null ? null : value(resource, segments, rawQuery),
        client == null ? null : value(client, segments, rawQuery));
  }

  /** The masked value of {@code variable} in a request the route matched, or null. */
  static String value(RouteVariable variable, List<String> segments, String rawQuery) {
    String raw = variable.queryName() == null
        ? segmentValue(segments, variable.segmentIndex())
        : UriComponents.queryValue(rawQuery, variable.queryName(), MAX_VALUE_LENGTH);
    if (raw == null || raw.isEmpty() || raw.length() > MAX_VALUE_LENGTH || hasControl(raw)) {
      return null;
    }
    return SecretScrubber.scrub(raw);
  }

  private static String segmentValue(List<String> segments, int index) {
    return index >= 0 && index < segments.size() ? segments.get(index) : null;
  }

  private static boolean hasControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}

package io.statusguard.agent.body;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import java.net.URI;
import java.net.URL;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which response bodies are worth a tap: those of 207 and error responses from the provider's hosts,
 * while body capture is on. Decided on the application thread, status first, so that every other
 * response costs one comparison. Immutable and thread-safe.
 */
public final class CapturePolicy {
  /** Captures nothing: every response is reported as it arrives. */
  public static final CapturePolicy NONE = new CapturePolicy(false, null);

  private final boolean enabled;
  private final Predicate<String> profiledHosts;

  private CapturePolicy(boolean enabled, Predicate<String> profiledHosts) {
    this.enabled = enabled;
    this.profiledHosts = profiledHosts;
  }

  /** Captures error bodies from every host, as the built-in profile applies to every host. */
  public static CapturePolicy everyHost() {
    return new CapturePolicy(true, null);
  }

  /** Captures error bodies from the hosts {@code profiledHosts} accepts (lower-case names). */
  public static CapturePolicy hosts(Predicate<String> profiledHosts) {
    return new CapturePolicy(true, profiledHosts);
  }

  /** Whether the body of {@code observation} is worth a tap. */
  public boolean wants(ResponseObservation observation) {
    if (!enabled || !BodyTap.mayCapture(observation.status())) {
      return false;
    }
    if (profiledHosts == null) {
      return true;
    }
    String host = hostOf(observation);
    return host != null && profiledHosts.test(host);
  }

  /** The host the request went to, lower case without IPv6 brackets, or null when there is none. */
  static String hostOf(ResponseObservation observation) {
    String host;
    URI uri = observation.uri();
    URL url = observation.url();
    if (uri != null) {
      host = uri.getHost();
    } else if (url != null) {
      host = url.getHost();
    } else if (observation.originHost() != null) {
      host = observation.originHost();
    } else {
      host = hostOfUrlString(observation.urlString());
    }
    if (host == null || host.isEmpty()) {
      return null;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.toLowerCase(Locale.ROOT);
  }

  private static String hostOfUrlString(String url) {
    if (url == null) {
      return null;
    }
    int schemeEnd = url.indexOf("://");
    if (schemeEnd <= 0) {
      return null;
    }
    int start = schemeEnd + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = authority.lastIndexOf(':');
    return colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority;
  }
}

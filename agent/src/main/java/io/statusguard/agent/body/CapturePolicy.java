package io.statusguard.agent.body;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.endpoint.RequestTarget;
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
    String host = RequestTarget.hostOrNull(observation);
    return host != null && profiledHosts.test(host);
  }
}

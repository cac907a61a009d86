package io.statusguard.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * When the simulated provider firewall blocks a caller (one remote IP address). Within a sliding
 * {@code window} it blocks the caller when at least {@code minRequests} requests arrived and the share of
 * errors (4xx except 401 and 403, plus 5xx) is at least {@code errorRatio}, or when the 404 and 409
 * answers alone exceed {@code notFoundOrConflictLimit}. A blocked caller gets 403 with an XML body for
 * {@code coolDown}. The provider publishes no thresholds; these defaults are a plausible guess.
 *
 * @param window how far back the firewall looks; default 10 s
 * @param minRequests how many requests the window must hold before the error share counts; default 20
 * @param errorRatio the error share, in (0, 1], that blocks once {@code minRequests} arrived; default 0.8
 * @param notFoundOrConflictLimit 404 plus 409 answers above this count block regardless of the share;
 *     default 30
 * @param coolDown how long a block lasts; default 60 s
 */
public record BlockPolicy(
    Duration window, int minRequests, double errorRatio, int notFoundOrConflictLimit, Duration coolDown) {

  public BlockPolicy {
    requirePositive(window, "window");
    requirePositive(coolDown, "coolDown");
    if (minRequests < 1) {
      throw new IllegalArgumentException("minRequests must be at least 1, was " + minRequests);
    }
    if (!(errorRatio > 0.0 && errorRatio <= 1.0)) {
      throw new IllegalArgumentException("errorRatio must be in (0, 1], was " + errorRatio);
    }
    if (notFoundOrConflictLimit < 0) {
      throw new IllegalArgumentException(
          "notFoundOrConflictLimit must not be negative, was " + notFoundOrConflictLimit);
    }
  }

  public static BlockPolicy defaults() {
    return new BlockPolicy(Duration.ofSeconds(10), 20, 0.8, 30, Duration.ofSeconds(60));
  }

  /** A policy no traffic can trigger, for runs that must never be blocked. */
  public static BlockPolicy never() {
    return new BlockPolicy(
        Duration.ofSeconds(10), Integer.MAX_VALUE, 1.0, Integer.MAX_VALUE, Duration.ofSeconds(1));
  }

  public BlockPolicy withWindow(Duration window) {
    return new BlockPolicy(window, minRequests, errorRatio, notFoundOrConflictLimit, coolDown);
  }

  public BlockPolicy withMinRequests(int minRequests) {
    return new BlockPolicy(window, minRequests, errorRatio, notFoundOrConflictLimit, coolDown);
  }

  public BlockPolicy withErrorRatio(double errorRatio) {
    return new BlockPolicy(window, minRequests, errorRatio, notFoundOrConflictLimit, coolDown);
  }

  public BlockPolicy withNotFoundOrConflictLimit(int notFoundOrConflictLimit) {
    return new BlockPolicy(window, minRequests, errorRatio, notFoundOrConflictLimit, coolDown);
  }

  public BlockPolicy withCoolDown(Duration coolDown) {
    return new BlockPolicy(window, minRequests, errorRatio, notFoundOrConflictLimit, coolDown);
  }

  static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
  }
}

package io.statusguard.simulator.internal.firewall;

import java.time.Instant;
import java.util.Map;

/**
 * The provider's per-caller rate limit ("Limits Lock"): at most {@code requestsPerSecond} requests per
 * caller in each wall-clock second; 0 lets everything through. Thread-safe.
 */
public final class CallerRateLimiter {
  private final int requestsPerSecond;
  private final Map<String, SecondCount> counts = new RecentCallers<>(Firewall.MAX_TRACKED_CALLERS);

  public CallerRateLimiter(int requestsPerSecond) {
    if (requestsPerSecond < 0) {
      throw new IllegalArgumentException(
          "requestsPerSecond must not be negative, was " + requestsPerSecond);
    }
    this.requestsPerSecond = requestsPerSecond;
  }

  /** Counts a request and says whether it is within the limit. */
  public synchronized boolean tryAcquire(String caller, Instant now) {
    if (requestsPerSecond == 0) {
      return true;
    }
    SecondCount count = counts.computeIfAbsent(caller, c -> new SecondCount());
    long second = now.getEpochSecond();
    if (count.second != second) {
      count.second = second;
      count.requests = 0;
    }
    count.requests++;
    return count.requests <= requestsPerSecond;
  }

  /** Requests seen from one caller in one second; mutated under the limiter's lock only. */
  private static final class SecondCount {
    long second = Long.MIN_VALUE;
    long requests;
  }
}

package io.statusguard.analyzer.domain.window;

/**
 * Responses per second over the last 10 seconds, minute and 5 minutes, weighted by sampling. The 5-minute
 * rate is read from 10-second buckets, so its window starts on a 10-second boundary.
 */
public record Rates(double last10s, double last1m, double last5m) {
  public static final Rates ZERO = new Rates(0, 0, 0);
}

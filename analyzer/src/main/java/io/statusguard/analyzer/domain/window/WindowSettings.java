package io.statusguard.analyzer.domain.window;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the windows keep: how far back events count (older ones are dropped as late), how far ahead
 * an event may be dated before its time is clamped to now, and how many series are kept.
 */
public record WindowSettings(Duration retention, Duration maxFutureSkew, int maxSeries) {
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);
  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_SERIES = 10_000;

  /** The longest rate window: the retention must cover it. */
  static final Duration LONGEST_RATE = Duration.ofMinutes(5);
  private static final Duration LONGEST_SKEW = Duration.ofMinutes(10);
  private static final Duration LONGEST_RETENTION = Duration.ofDays(1);

  public WindowSettings {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    if (retention.compareTo(LONGEST_RATE) < 0 || retention.compareTo(LONGEST_RETENTION) > 0) {
      throw new IllegalArgumentException("retention must be between " + LONGEST_RATE + " and " + LONGEST_RETENTION
          + ", got " + retention);
    }
    if (maxFutureSkew.isNegative() || maxFutureSkew.compareTo(LONGEST_SKEW) > 0) {
      throw new IllegalArgumentException("max future skew must be between 0 and " + LONGEST_SKEW + ", got "
          + maxFutureSkew);
    }
    if (maxSeries < 1) {
      throw new IllegalArgumentException("max series must be at least 1, got " + maxSeries);
    }
  }

  /** An hour of retention, 60 s of tolerated clock skew and {@value #DEFAULT_MAX_SERIES} series. */
  public static WindowSettings defaults() {
    return new WindowSettings(DEFAULT_RETENTION, DEFAULT_MAX_FUTURE_SKEW, DEFAULT_MAX_SERIES);
  }

  public WindowSettings withMaxSeries(int maxSeries) {
    return new WindowSettings(retention, maxFutureSkew, maxSeries);
  }
}

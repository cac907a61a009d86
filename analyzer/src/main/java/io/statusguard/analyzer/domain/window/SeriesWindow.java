package io.statusguard.analyzer.domain.window;

import io.statusguard.analyzer.domain.CacheTouch;
import io.statusguard.analyzer.domain.status.Classification;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;

/**
 * The buckets of one series: seconds for the short rates, ten-second buckets for the retention. One
 * thread adds; any thread reads. Outside this package, a handle to remember and hand back to
 * {@link ResponseWindows}.
 */
public final class SeriesWindow {
  static final long SECOND_MILLIS = 1_000;
  static final long TEN_SECONDS_MILLIS = 10_000;
  private static final VarHandle LAST_EVENT_MILLIS;

  static {
    try {
      LAST_EVENT_MILLIS = MethodHandles.lookup().findVarHandle(SeriesWindow.class, "lastEventMillis", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final SeriesKey key;
  private final Classification classification;
  private final BucketRing seconds;
  private final BucketRing tenSeconds;
  // Written by the recording thread only, with release semantics for readers.
  private long lastEventMillis = Long.MIN_VALUE;
  // Confined to the recording thread.
  private final CacheTouch cacheTouch = new CacheTouch();
  // Set when the cache drops the series, on whichever thread ran the cache's maintenance.
  private volatile boolean evicted;

  SeriesWindow(SeriesKey key, Classification classification, WindowSettings settings) {
    this.key = key;
    this.classification = classification;
    long skewMillis = settings.maxFutureSkew().toMillis();
    // Each ring reaches from its longest window back to the allowed future skew ahead.
    this.seconds = new BucketRing(SECOND_MILLIS, slots(60_000 + skewMillis, SECOND_MILLIS));
    this.tenSeconds = new BucketRing(TEN_SECONDS_MILLIS,
        slots(settings.retention().toMillis() + skewMillis, TEN_SECONDS_MILLIS));
  }

  private static int slots(long spanMillis, long widthMillis) {
    // One more for the bucket in progress and one for a span that does not start on a boundary.
    return Math.toIntExact(spanMillis / widthMillis + 2);
  }

  SeriesKey key() {
    return key;
  }

  Classification classification() {
    return classification;
  }

  CacheTouch cacheTouch() {
    return cacheTouch;
  }

  boolean evicted() {
    return evicted;
  }

  void markEvicted() {
    evicted = true;
  }

  void add(long timeMillis, double weight) {
    seconds.add(timeMillis, weight);
    tenSeconds.add(timeMillis, weight);
    if (timeMillis > lastEventMillis) {
      LAST_EVENT_MILLIS.setRelease(this, timeMillis);
    }
  }

  /** Returns the series as of {@code nowMillis}, or null when it had no event within the retention. */
  SeriesRates ratesAt(long nowMillis, long retentionMillis) {
    long lastEvent = (long) LAST_EVENT_MILLIS.getAcquire(this);
    if (lastEvent == Long.MIN_VALUE || lastEvent <= nowMillis - retentionMillis) {
      return null;
    }
    double inRetention = tenSeconds.sum(nowMillis - retentionMillis + TEN_SECONDS_MILLIS, nowMillis);
    Rates rates = new Rates(
        seconds.sum(nowMillis - 9 * SECOND_MILLIS, nowMillis) / 10,
        seconds.sum(nowMillis - 59 * SECOND_MILLIS, nowMillis) / 60,
        tenSeconds.sum(nowMillis - 29 * TEN_SECONDS_MILLIS, nowMillis) / 300);
    return new SeriesRates(key, classification, rates, inRetention, Instant.ofEpochMilli(lastEvent));
  }
}

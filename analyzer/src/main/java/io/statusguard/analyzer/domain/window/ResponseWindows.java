package io.statusguard.analyzer.domain.window;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.statusguard.analyzer.domain.CacheTouch;
import io.statusguard.analyzer.domain.status.Classification;
import io.statusguard.event.ResponseEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Response rates per series in event time. An event older than the retention is dropped and counted as
 * late; one dated more than the allowed skew ahead of the clock is counted at the clock's time and as
 * clamped; any other event counts in the buckets of its own time, so replaying the same events rebuilds
 * the same windows. At most {@link WindowSettings#maxSeries()} series are kept, chosen by Caffeine's
 * frequency-based policy; evicted ones are counted. A series with no event for the retention expires.
 *
 * <p>One thread calls {@link #record}; any number of threads may read concurrently.
 */
public final class ResponseWindows {
  private static final int RECENT_KEYS = 4096;
  // No event is dated this early: a time the retention has always passed.
  private static final long LATE = Long.MIN_VALUE;

  private final WindowSettings settings;
  private final InstantSource clock;
  private final long retentionMillis;
  private final long maxFutureSkewMillis;
  private final Cache<SeriesKey, SeriesWindow> series;
  private final AtomicLong lateEvents = new AtomicLong();
  private final AtomicLong clampedEvents = new AtomicLong();
  private final AtomicLong evictedSeries = new AtomicLong();
  // Series recorded lately, by their key's hash, so that recording an event allocates nothing and asks
  // the cache only as CacheTouch says; confined to the recording thread.
  private final SeriesWindow[] recent = new SeriesWindow[RECENT_KEYS];
  // Written by the recording thread only.
  private volatile long recordedAtMillis;

  private ResponseWindows(WindowSettings settings, InstantSource clock) {
    this.settings = settings;
    this.clock = clock;
    this.retentionMillis = settings.retention().toMillis();
    this.maxFutureSkewMillis = settings.maxFutureSkew().toMillis();
    this.recordedAtMillis = clock.millis();
    this.series = Caffeine.newBuilder()
        .maximumSize(settings.maxSeries())
        .expireAfterAccess(settings.retention().plus(settings.maxFutureSkew()))
        // The time of the latest recording: a volatile read where the clock would be read on every access.
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(recordedAtMillis))
        // Maintenance on the recording thread: no background pool, and eviction counts a test can rely on.
        .executor(Runnable::run)
        .evictionListener((SeriesKey key, SeriesWindow window, RemovalCause cause) -> {
          window.markEvicted();
          if (cause == RemovalCause.SIZE) {
            evictedSeries.incrementAndGet();
          }
        })
        .build();
  }

  public static ResponseWindows create(WindowSettings settings, InstantSource clock) {
    return new ResponseWindows(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
  }

  public WindowSettings settings() {
    return settings;
  }

  /** Counts {@code event}, weighted by its sample weight, in the series its key and classification name. */
  public Placement record(ResponseEvent event, Classification classification) {
    return record(event, classification, clock.millis());
  }

  /**
   * As {@link #record(ResponseEvent, Classification)}, with the clock read by the caller, once for a batch
   * of events.
   */
  public Placement record(ResponseEvent event, Classification classification, long now) {
    long time = placedTime(event.timeUnixMs(), now);
    if (time == LATE) {
      return Placement.DROPPED_LATE;
    }
    windowOf(event, classification, now).add(time, event.sampleWeight());
    return time == event.timeUnixMs() ? Placement.RECORDED : Placement.CLAMPED_TO_NOW;
  }

  /**
   * As {@link #record(ResponseEvent, Classification, long)}, for a caller that remembers the series of
   * events like this one and so spares the windows their own lookup. Counts the event in {@code series}
   * while the windows hold it, and otherwise in the series they hold for its key now. Returns the series
   * to remember: the one counted in, or {@code series} when the event was too late to count.
   *
   * @param series null, or what this method returned for an event of the same key and classification
   */
  public SeriesWindow record(ResponseEvent event, Classification classification, SeriesWindow series, long now) {
    long time = placedTime(event.timeUnixMs(), now);
    if (time == LATE) {
      return series;
    }
    if (series != null && heldUntold(series, now)) {
      series.add(time, event.sampleWeight());
      return series;
    }
    // Written out after the path above, which nearly every event takes: the JIT inlines in the order of
    // the bytecode until its budget is spent, and the lookups below are most of this class's code.
    SeriesWindow window = series == null ? windowOf(event, classification, now) : asked(series, now);
    window.add(time, event.sampleWeight());
    return window;
  }

  /**
   * The time at which an event dated {@code time} counts, or {@link #LATE}, counting late and clamped
   * events; notes the clock's reading for the cache.
   */
  private long placedTime(long time, long now) {
    if (now != recordedAtMillis) {
      recordedAtMillis = now;
    }
    if (time <= now - retentionMillis) {
      lateEvents.incrementAndGet();
      return LATE;
    }
    if (time > now + maxFutureSkewMillis) {
      clampedEvents.incrementAndGet();
      return now;
    }
    return time;
  }

  /** Every series with an event within the retention, as of now, ordered by key. */
  public WindowSnapshot snapshot() {
    long now = clock.millis();
    List<SeriesRates> rates = new ArrayList<>();
    for (SeriesWindow window : series.asMap().values()) {
      SeriesRates current = window.ratesAt(now, retentionMillis);
      if (current != null) {
        rates.add(current);
      }
    }
    rates.sort(Comparator.comparing(SeriesRates::key));
    return new WindowSnapshot(Instant.ofEpochMilli(now), settings.retention(), rates);
  }

  /** Events older than the retention, not counted. */
  public long lateEvents() {
    return lateEvents.get();
  }

  /** Events dated beyond the allowed skew, counted at the time they were recorded. */
  public long clampedEvents() {
    return clampedEvents.get();
  }

  /** Series dropped because the windows held their maximum number of series. */
  public long evictedSeries() {
    return evictedSeries.get();
  }

  /** How many series the windows hold now, including any not yet expired or evicted. */
  public long seriesCount() {
    return series.estimatedSize();
  }

  /** The event's series. A series recorded lately is found by its key's hash and its parts. */
  private SeriesWindow windowOf(ResponseEvent event, Classification classification, long now) {
    String operation = event.operation() == null ? SeriesKey.UNKNOWN_OPERATION : event.operation();
    int hash = SeriesKey.hash(event.serviceName(), event.egressGroup(), event.method(), operation,
        event.endpointTemplate(), event.status(), classification.statusClass());
    int slot = hash & (RECENT_KEYS - 1);
    SeriesWindow window = recent[slot];
    if (window != null && window.key().matches(event.serviceName(), event.egressGroup(), event.method(), operation,
        event.endpointTemplate(), event.status(), classification.statusClass())) {
      window = held(window, now);
    } else {
      SeriesKey key = new SeriesKey(event.serviceName(), event.egressGroup(), event.method(), operation,
          event.endpointTemplate(), event.status(), classification.statusClass());
      window = heldOrNew(key, classification, now);
    }
    recent[slot] = window;
    return window;
  }

  /**
   * A series recorded lately, as the windows hold it now: the series itself, while the cache holds it
   * (told as {@link CacheTouch} says), else the series the cache holds for its key. A series the cache has
   * dropped is never counted in again.
   */
  private SeriesWindow held(SeriesWindow window, long now) {
    return heldUntold(window, now) ? window : asked(window, now);
  }

  /** True while a series the cache has not dropped may be counted in without the cache hearing of it. */
  private static boolean heldUntold(SeriesWindow window, long now) {
    return !window.evicted() && window.cacheTouch().untoldHit(now);
  }

  /** As {@link #held}, once the cache is to be asked: the series itself if the cache still holds it. */
  private SeriesWindow asked(SeriesWindow window, long now) {
    if (!window.evicted() && series.getIfPresent(window.key()) == window) {
      window.cacheTouch().told(now);
      return window;
    }
    return heldOrNew(window.key(), window.classification(), now);
  }

  private SeriesWindow heldOrNew(SeriesKey key, Classification classification, long now) {
    SeriesWindow window = series.get(key, k -> new SeriesWindow(k, classification, settings));
    window.cacheTouch().told(now);
    return window;
  }
}

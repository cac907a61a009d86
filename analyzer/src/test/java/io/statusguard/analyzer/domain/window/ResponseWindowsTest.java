package io.statusguard.analyzer.domain.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.statusguard.analyzer.SampleEvents;
import io.statusguard.analyzer.domain.CacheTouch;
import io.statusguard.analyzer.domain.FakeClock;
import io.statusguard.analyzer.domain.status.Classification;
import io.statusguard.analyzer.domain.status.StatusClass;
import io.statusguard.event.ResponseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResponseWindowsTest {
  // Five seconds into a ten-second bucket, so that bucket boundaries are visible in the expectations.
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:05Z");
  private static final Classification NOT_FOUND =
      new Classification(StatusClass.CLIENT_FIXABLE, "not found", "check the IDs");
  private static final Classification OK = new Classification(StatusClass.SUCCESS, "ok", "nothing");

  private final FakeClock clock = FakeClock.at(NOW);
  private final ResponseWindows windows = ResponseWindows.create(WindowSettings.defaults(), clock);

  @Test
  void ratesCoverTheLastTenSecondsMinuteAndFiveMinutes() {
    record(notFoundAt(NOW.minusSeconds(1)), 20);
    record(notFoundAt(NOW.minusSeconds(30)), 30);
    record(notFoundAt(NOW.minusSeconds(200)), 60);

    Rates rates = only(windows.snapshot()).rates();

    assertThat(rates.last10s()).isEqualTo(2.0);
    assertThat(rates.last1m()).isCloseTo(50 / 60.0, offset(1e-12));
    assertThat(rates.last5m()).isCloseTo(110 / 300.0, offset(1e-12));
  }

  @Test
  void ratesFollowTheClock() {
    record(notFoundAt(NOW.minusSeconds(1)), 10);

    clock.advance(Duration.ofSeconds(10));
    Rates afterTenSeconds = only(windows.snapshot()).rates();
    clock.advance(Duration.ofSeconds(60));
    Rates afterSeventySeconds = only(windows.snapshot()).rates();

    assertThat(afterTenSeconds).isEqualTo(new Rates(0, 10 / 60.0, 10 / 300.0));
    assertThat(afterSeventySeconds.last1m()).isZero();
    assertThat(afterSeventySeconds.last5m()).isEqualTo(10 / 300.0);
  }

  @Test
  void weighsEventsBySampling() {
    record(SampleEvents.retrieveTransaction(200).timeUnixMs(NOW.toEpochMilli()).sampleWeight(10).build(), 3, OK);

    SeriesRates series = only(windows.snapshot());

    assertThat(series.rates().last10s()).isEqualTo(3.0);
    assertThat(series.eventsInRetention()).isEqualTo(30.0);
  }

  @Test
  void keepsEachSeriesApartWithItsClassification() {
    Classification blocked = new Classification(StatusClass.IP_BLOCKED, "address not allowed", "stop");
    Classification permission = new Classification(StatusClass.PERMISSION, "no permission", "ask");
    record(SampleEvents.retrieveTransaction(403).timeUnixMs(NOW.toEpochMilli()).build(), 2, blocked);
    record(SampleEvents.retrieveTransaction(403).timeUnixMs(NOW.toEpochMilli()).build(), 1, permission);
    record(notFoundAt(NOW).toBuilder().egressGroup("198.51.100.9").build(), 1);

    List<SeriesRates> series = windows.snapshot().series();

    assertThat(series).extracting(s -> s.key().egressGroup(), s -> s.key().status(), s -> s.key().statusClass(),
            s -> s.eventsInRetention())
        .containsExactly(
            tuple("198.51.100.9", 404, StatusClass.CLIENT_FIXABLE, 1.0),
            tuple("203.0.113.7", 403, StatusClass.IP_BLOCKED, 2.0),
            tuple("203.0.113.7", 403, StatusClass.PERMISSION, 1.0));
    assertThat(series.get(1).classification()).isEqualTo(blocked);
    assertThat(series.get(1).key()).isEqualTo(new SeriesKey(SampleEvents.SERVICE, "203.0.113.7", "GET",
        "RetrieveTransaction", SampleEvents.TRANSACTION, 403, StatusClass.IP_BLOCKED));
  }

  @Test
  void namesAMissingOperationUnknown() {
    record(notFoundAt(NOW).toBuilder().operation(null).build(), 1);

    assertThat(only(windows.snapshot()).key().operation()).isEqualTo(SeriesKey.UNKNOWN_OPERATION);
  }

  @Test
  void judgesEachEventAgainstTheTimeItsBatchWasRead() {
    // By the clock's NOW, both events would count at their own time.
    long earlierBatch = NOW.minus(Duration.ofMinutes(5)).toEpochMilli();
    long laterBatch = NOW.plus(Duration.ofMinutes(5)).toEpochMilli();

    Placement clamped = windows.record(notFoundAt(NOW), NOT_FOUND, earlierBatch);
    Placement late = windows.record(notFoundAt(NOW.minus(Duration.ofMinutes(58))), NOT_FOUND, laterBatch);

    assertThat(clamped).isEqualTo(Placement.CLAMPED_TO_NOW);
    assertThat(late).isEqualTo(Placement.DROPPED_LATE);
  }

  @Test
  void keepsOneSeriesForEqualKeysWhateverTheirStringInstances() {
    ResponseEvent event = notFoundAt(NOW);
    ResponseEvent copy = event.toBuilder().serviceName(new String(event.serviceName()))
        .endpointTemplate(new String(event.endpointTemplate())).build();

    windows.record(event, NOT_FOUND);
    windows.record(copy, NOT_FOUND);

    assertThat(only(windows.snapshot()).eventsInRetention()).isEqualTo(2.0);
  }

  @Test
  void dropsAndCountsEventsOlderThanTheRetention() {
    Placement late = windows.record(notFoundAt(NOW.minus(Duration.ofHours(1))), NOT_FOUND);
    Placement kept = windows.record(notFoundAt(NOW.minus(Duration.ofMinutes(59))), NOT_FOUND);

    SeriesRates series = only(windows.snapshot());

    assertThat(late).isEqualTo(Placement.DROPPED_LATE);
    assertThat(kept).isEqualTo(Placement.RECORDED);
    assertThat(windows.lateEvents()).isEqualTo(1);
    assertThat(series.eventsInRetention()).isEqualTo(1.0);
    assertThat(series.rates()).isEqualTo(Rates.ZERO);
  }

  @Test
  void forgetsASeriesOnceItsLastEventLeavesTheRetention() {
    record(notFoundAt(NOW.minus(Duration.ofMinutes(50))), 5);

    clock.advance(Duration.ofMinutes(9));
    int visibleBefore = windows.snapshot().series().size();
    clock.advance(Duration.ofMinutes(2));

    assertThat(visibleBefore).isEqualTo(1);
    assertThat(windows.snapshot().series()).isEmpty();
  }

  @Test
  void countsAnEventWithinTheSkewAtItsOwnTimeOnceThatTimeComes() {
    Placement placement = windows.record(notFoundAt(NOW.plusSeconds(30)), NOT_FOUND);

    Rates before = only(windows.snapshot()).rates();
    clock.advance(Duration.ofSeconds(31));
    Rates after = only(windows.snapshot()).rates();

    assertThat(placement).isEqualTo(Placement.RECORDED);
    assertThat(windows.clampedEvents()).isZero();
    assertThat(before.last10s()).isZero();
    assertThat(after.last10s()).isEqualTo(0.1);
  }

  @Test
  void clampsAnEventBeyondTheSkewToNowAndCountsIt() {
    Placement placement = windows.record(notFoundAt(NOW.plus(Duration.ofMinutes(5))), NOT_FOUND);

    SeriesRates series = only(windows.snapshot());

    assertThat(placement).isEqualTo(Placement.CLAMPED_TO_NOW);
    assertThat(windows.clampedEvents()).isEqualTo(1);
    assertThat(series.rates().last10s()).isEqualTo(0.1);
    assertThat(series.lastEventTime()).isEqualTo(NOW);
  }

  @Test
  void keepsAtMostTheConfiguredSeriesAndCountsEvictions() {
    ResponseWindows bounded = ResponseWindows.create(WindowSettings.defaults().withMaxSeries(100), clock);

    for (int i = 0; i < 1000; i++) {
      bounded.record(notFoundAt(NOW).toBuilder().endpointTemplate("/leaked/" + i).build(), NOT_FOUND);
    }

    assertThat(bounded.seriesCount()).isLessThanOrEqualTo(100);
    assertThat(bounded.snapshot().series()).hasSizeLessThanOrEqualTo(100);
    assertThat(bounded.evictedSeries()).isEqualTo(900);
  }

  @Test
  void keepsAFrequentSeriesWhileAFloodOfNewOnesIsEvicted() {
    ResponseWindows bounded = ResponseWindows.create(WindowSettings.defaults().withMaxSeries(50), clock);
    ResponseEvent steady = notFoundAt(NOW);

    for (int i = 0; i < 5000; i++) {
      bounded.record(steady, NOT_FOUND);
      bounded.record(steady.toBuilder().endpointTemplate("/leaked/" + i).build(), NOT_FOUND);
    }

    assertThat(bounded.snapshot().series()).anySatisfy(series -> {
      assertThat(series.key().endpoint()).isEqualTo(SampleEvents.TRANSACTION);
      assertThat(series.eventsInRetention()).isEqualTo(5000.0);
    });
  }

  @Test
  void replayingTheSameEventsRebuildsTheSameWindows() {
    List<ResponseEvent> events = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      events.add(notFoundAt(NOW.minusMillis(i * 7_919L)).toBuilder().status(i % 3 == 0 ? 409 : 404).build());
    }
    ResponseWindows rebuilt = ResponseWindows.create(WindowSettings.defaults(), clock);

    events.forEach(event -> windows.record(event, NOT_FOUND));
    events.forEach(event -> rebuilt.record(event, NOT_FOUND));

    assertThat(rebuilt.snapshot()).isEqualTo(windows.snapshot());
  }

  @Test
  void countsThroughARememberedSeriesAsItCountsEachEventByItsKey() {
    ResponseWindows remembering = ResponseWindows.create(WindowSettings.defaults(), clock);
    SeriesWindow notFound = null;
    SeriesWindow clamped = null;
    SeriesWindow late = null;
    for (int i = 0; i < 300; i++) {
      ResponseEvent event = notFoundAt(NOW.minusMillis(i * 997L));
      ResponseEvent future = notFoundAt(NOW.plus(Duration.ofMinutes(5))).toBuilder().status(409).build();
      ResponseEvent old = notFoundAt(NOW.minus(Duration.ofHours(2))).toBuilder().status(410).build();
      long now = clock.millis() + i;
      windows.record(event, NOT_FOUND, now);
      windows.record(future, NOT_FOUND, now);
      windows.record(old, NOT_FOUND, now);
      notFound = remembering.record(event, NOT_FOUND, notFound, now);
      clamped = remembering.record(future, NOT_FOUND, clamped, now);
      late = remembering.record(old, NOT_FOUND, late, now);
    }

    assertThat(remembering.snapshot()).isEqualTo(windows.snapshot());
    assertThat(remembering.snapshot().series()).hasSize(2);
    assertThat(remembering.lateEvents()).isEqualTo(300);
    assertThat(remembering.clampedEvents()).isEqualTo(300);
    assertThat(late).isNull();
    assertThat(clamped.key().status()).isEqualTo(409);
  }

  @Test
  void neverCountsInARememberedSeriesTheWindowsHaveDropped() {
    ResponseWindows bounded = ResponseWindows.create(WindowSettings.defaults().withMaxSeries(10), clock);
    ResponseEvent steady = notFoundAt(NOW);
    SeriesWindow remembered = bounded.record(steady, NOT_FOUND, null, clock.millis());
    // New series used twice each, where the remembered one was used once, so that they win its place.
    for (int i = 0; !remembered.evicted(); i++) {
      assertThat(i).as("new series recorded before the remembered one was evicted").isLessThan(100);
      ResponseEvent leaked = steady.toBuilder().endpointTemplate("/leaked/" + i).build();
      bounded.record(leaked, NOT_FOUND);
      clock.advance(Duration.ofMillis(CacheTouch.TELL_EVERY_MILLIS));
      bounded.record(leaked, NOT_FOUND);
    }

    SeriesWindow current = bounded.record(steady, NOT_FOUND, remembered, clock.millis());

    assertThat(current).isNotSameAs(remembered);
    assertThat(bounded.snapshot().series()).anySatisfy(series -> {
      assertThat(series.key().endpoint()).isEqualTo(SampleEvents.TRANSACTION);
      assertThat(series.eventsInRetention()).isEqualTo(1.0);
    });
  }

  @Test
  void readersSeeWholeCountsWhileOneThreadRecords() throws Exception {
    int events = 200_000;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer = pool.submit(() -> record(notFoundAt(NOW), events));
      Future<List<Double>> reader = pool.submit(() -> {
        List<Double> seen = new ArrayList<>();
        while (!writer.isDone()) {
          windows.snapshot().series().forEach(series -> seen.add(series.eventsInRetention()));
        }
        return seen;
      });
      writer.get(60, TimeUnit.SECONDS);

      List<Double> seen = reader.get(60, TimeUnit.SECONDS);
      assertThat(seen).allSatisfy(count -> assertThat(count).isBetween(1.0, (double) events)
          .isEqualTo(Math.rint(count)));
      assertThat(seen).isSorted();
    } finally {
      pool.shutdownNow();
    }

    assertThat(only(windows.snapshot()).eventsInRetention()).isEqualTo(events);
  }

  private void record(ResponseEvent event, int times) {
    record(event, times, NOT_FOUND);
  }

  private void record(ResponseEvent event, int times, Classification classification) {
    for (int i = 0; i < times; i++) {
      windows.record(event, classification);
    }
  }

  private static ResponseEvent notFoundAt(Instant time) {
    return SampleEvents.retrieveTransaction(404).timeUnixMs(time.toEpochMilli()).build();
  }

  private static SeriesRates only(WindowSnapshot snapshot) {
    assertThat(snapshot.series()).hasSize(1);
    return snapshot.series().get(0);
  }
}

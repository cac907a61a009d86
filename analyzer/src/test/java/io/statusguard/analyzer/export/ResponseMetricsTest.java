package io.statusguard.analyzer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static io.statusguard.analyzer.domain.status.StatusClass.CLIENT_FIXABLE;
import static org.assertj.core.api.Assertions.offset;

import io.statusguard.analyzer.SampleEvents;
import io.statusguard.analyzer.domain.FakeClock;
import io.statusguard.analyzer.domain.agent.AgentDirectory;
import io.statusguard.analyzer.domain.status.Classification;
import io.statusguard.analyzer.domain.status.StatusClass;
import io.statusguard.analyzer.domain.window.ResponseWindows;
import io.statusguard.analyzer.domain.window.WindowSettings;
import io.statusguard.analyzer.ingest.IngestStatus;
import io.statusguard.testing.ScrapedMetrics;
import io.statusguard.analyzer.ingest.DecodeFailure;
import io.statusguard.event.ResponseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResponseMetricsTest {
  private static final long NOW = 1_790_000_000_000L;

  private final ResponseMetrics metrics = ResponseMetrics.create(ResponseMetrics.DEFAULT_MAX_ENDPOINTS);

  @Test
  void countsEachSeriesExactlyWeightedBySampling() {
    record(SampleEvents.retrieveTransaction(404).build(), 3);
    record(SampleEvents.retrieveTransaction(200).sampleWeight(10).build(), 2);
    record(SampleEvents.createTransaction(409).build(), 1);

    ScrapedMetrics scraped = scrape();

    assertThat(scraped.sum("statusguard_responses_total", "service", "payments", "egress_group", "203.0.113.7",
        "host", "api.provider.test", "method", "GET", "operation", "RetrieveTransaction",
        "endpoint", SampleEvents.TRANSACTION, "status", "404")).isEqualTo(3.0);
    assertThat(scraped.sum("statusguard_responses_total", "operation", "RetrieveTransaction", "status", "200"))
        .isEqualTo(20.0);
    assertThat(scraped.sum("statusguard_responses_total", "method", "POST", "operation", "CreateTransaction",
        "endpoint", SampleEvents.TRANSACTIONS, "status", "409")).isEqualTo(1.0);
    assertThat(scraped.seriesCount("statusguard_responses_total")).isEqualTo(3);
  }

  @Test
  void recordsEachEventsDurationOnceInTheSloBuckets() {
    record(SampleEvents.retrieveTransaction(200).durationMicros(12_000).sampleWeight(5).build(), 1);
    record(SampleEvents.retrieveTransaction(404).durationMicros(3_000_000).build(), 1);

    ScrapedMetrics scraped = scrape();

    String name = "statusguard_response_duration_seconds";
    assertThat(scraped.sum(name + "_bucket", "operation", "RetrieveTransaction", "le", "0.01")).isEqualTo(0.0);
    assertThat(scraped.sum(name + "_bucket", "operation", "RetrieveTransaction", "le", "0.025")).isEqualTo(1.0);
    assertThat(scraped.sum(name + "_bucket", "operation", "RetrieveTransaction", "le", "2.5")).isEqualTo(1.0);
    assertThat(scraped.sum(name + "_bucket", "operation", "RetrieveTransaction", "le", "5.0")).isEqualTo(2.0);
    assertThat(scraped.sum(name + "_bucket", "operation", "RetrieveTransaction", "le", "+Inf")).isEqualTo(2.0);
    assertThat(scraped.sum(name + "_count", "operation", "RetrieveTransaction")).isEqualTo(2.0);
    assertThat(scraped.sum(name + "_sum", "operation", "RetrieveTransaction")).isCloseTo(3.012, offset(1e-9));
  }

  @Test
  void namesAMissingOperationUnknown() {
    record(SampleEvents.createAccount(409).operation(null).build(), 1);

    assertThat(scrape().sum("statusguard_responses_total", "operation", "unknown", "status", "409")).isEqualTo(1.0);
  }

  @Test
  void foldsUnknownMethodsIntoOther() {
    record(SampleEvents.retrieveTransaction(405).method("BREW").build(), 1);

    assertThat(scrape().sum("statusguard_responses_total", "method", "_OTHER", "status", "405")).isEqualTo(1.0);
  }

  @Test
  void capsDistinctEndpointsAndCountsTheOverflow() {
    ResponseMetrics capped = ResponseMetrics.create(2);
    for (int i = 0; i < 5; i++) {
      capped.recordResponse(
          SampleEvents.retrieveTransaction(404).endpointTemplate("/leaked/" + i).build(), CLIENT_FIXABLE);
    }
    capped.recordResponse(SampleEvents.retrieveTransaction(404).endpointTemplate("/leaked/0").build(), CLIENT_FIXABLE);

    ScrapedMetrics scraped = ScrapedMetrics.parse(capped.registry().scrape());

    assertThat(scraped.sum("statusguard_responses_total", "endpoint", "/leaked/0")).isEqualTo(2.0);
    assertThat(scraped.sum("statusguard_responses_total", "endpoint", "/leaked/1")).isEqualTo(1.0);
    assertThat(scraped.sum("statusguard_responses_total", "endpoint", "_OTHER")).isEqualTo(3.0);
    assertThat(scraped.has("statusguard_responses_total", "endpoint", "/leaked/2")).isFalse();
    assertThat(scraped.seriesCount("statusguard_responses_total")).isEqualTo(3);
    assertThat(scraped.sum("statusguard_series_overflow_total", "tag", "endpoint")).isEqualTo(3.0);
    assertThat(scraped.sum("statusguard_responses_total")).isEqualTo(6.0);
  }

  @Test
  void countsAnEndpointNamedLikeTheOverflowValueAsOverflowPastTheCap() {
    ResponseMetrics capped = ResponseMetrics.create(1);
    capped.recordResponse(SampleEvents.retrieveTransaction(404).endpointTemplate("/a").build(), CLIENT_FIXABLE);
    capped.recordResponse(SampleEvents.retrieveTransaction(404).endpointTemplate("/b").build(), CLIENT_FIXABLE);
    capped.recordResponse(SampleEvents.retrieveTransaction(404).endpointTemplate(ResponseMetrics.OVERFLOW_VALUE)
        .build(), CLIENT_FIXABLE);

    ScrapedMetrics scraped = ScrapedMetrics.parse(capped.registry().scrape());

    assertThat(scraped.sum("statusguard_responses_total", "endpoint", "_OTHER")).isEqualTo(2.0);
    assertThat(scraped.sum("statusguard_series_overflow_total", "tag", "endpoint")).isEqualTo(2.0);
  }

  @Test
  void capsDistinctSkippedEventTypes() {
    for (int i = 0; i < ResponseMetrics.MAX_EVENT_TYPES + 5; i++) {
      metrics.recordSkipped("agent.future-" + i);
      metrics.recordSkipped("agent.future-" + i);
    }

    ScrapedMetrics scraped = scrape();

    assertThat(scraped.seriesCount("statusguard_events_skipped_total")).isEqualTo(ResponseMetrics.MAX_EVENT_TYPES + 1);
    assertThat(scraped.sum("statusguard_events_skipped_total", "event_type", "agent.future-0")).isEqualTo(2.0);
    assertThat(scraped.sum("statusguard_events_skipped_total", "event_type", "_OTHER")).isEqualTo(10.0);
    assertThat(scraped.sum("statusguard_series_overflow_total", "tag", "event_type")).isEqualTo(10.0);
  }

  @Test
  void labelsEachResponseWithItsClass() {
    metrics.recordResponse(SampleEvents.retrieveTransaction(403).build(), StatusClass.IP_BLOCKED);
    metrics.recordResponse(SampleEvents.retrieveTransaction(403).build(), StatusClass.PERMISSION);
    metrics.recordResponse(SampleEvents.retrieveTransaction(403).build(), StatusClass.PERMISSION);

    ScrapedMetrics scraped = scrape();

    assertThat(scraped.sum("statusguard_responses_total", "status", "403", "class", "ip_blocked")).isEqualTo(1.0);
    assertThat(scraped.sum("statusguard_responses_total", "status", "403", "class", "permission")).isEqualTo(2.0);
    assertThat(metrics.snapshot().total()).isEqualTo(3.0);
  }

  @Test
  void capsTheSeriesAsAWholeKeepingStatusAndClass() {
    ResponseMetrics capped = ResponseMetrics.create(1000, 3);
    for (int i = 0; i < 10; i++) {
      capped.recordResponse(SampleEvents.retrieveTransaction(404).serviceName("service-" + i).build(), CLIENT_FIXABLE);
    }
    capped.recordResponse(SampleEvents.retrieveTransaction(429).serviceName("late").build(), StatusClass.RATE_LIMITED);
    capped.recordResponse(SampleEvents.retrieveTransaction(404).serviceName("service-1").build(), CLIENT_FIXABLE);

    ScrapedMetrics scraped = ScrapedMetrics.parse(capped.registry().scrape());

    assertThat(scraped.seriesCount("statusguard_responses_total")).isEqualTo(5);
    assertThat(scraped.sum("statusguard_responses_total", "service", "service-1")).isEqualTo(2.0);
    assertThat(scraped.sum("statusguard_responses_total", "service", "_OTHER", "endpoint", "_OTHER", "status", "404",
        "class", "client_fixable")).isEqualTo(7.0);
    assertThat(scraped.sum("statusguard_responses_total", "service", "_OTHER", "status", "429", "class",
        "rate_limited")).isEqualTo(1.0);
    assertThat(scraped.sum("statusguard_series_overflow_total", "tag", "series")).isEqualTo(8.0);
    assertThat(scraped.sum("statusguard_responses_total")).isEqualTo(12.0);
    assertThat(scraped.seriesCount("statusguard_response_duration_seconds_count")).isEqualTo(4);
  }

  @Test
  void countsThroughRememberedMetersAsItCountsEachEventByItsLabels() {
    ResponseMetrics remembering = ResponseMetrics.create(2, 3);
    List<ResponseEvent> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      events.add(SampleEvents.retrieveTransaction(404).endpointTemplate("/e/" + (i % 3)).durationMicros(i * 7_000)
          .build());
      events.add(SampleEvents.createAccount(409).serviceName("service-" + (i % 4)).build());
    }
    ResponseMetrics byLabels = ResponseMetrics.create(2, 3);
    Map<ResponseEvent, ResponseMetrics.SeriesMeters> remembered = new HashMap<>();
    for (int round = 0; round < 3; round++) {
      for (ResponseEvent event : events) {
        byLabels.recordResponse(event, CLIENT_FIXABLE, NOW);
        remembered.put(event, remembering.recordResponse(event, CLIENT_FIXABLE, remembered.get(event), NOW));
      }
    }

    ScrapedMetrics expected = ScrapedMetrics.parse(byLabels.registry().scrape());
    ScrapedMetrics actual = ScrapedMetrics.parse(remembering.registry().scrape());
    for (String name : List.of("statusguard_responses_total", "statusguard_series_overflow_total",
        "statusguard_response_duration_seconds_bucket", "statusguard_response_duration_seconds_sum")) {
      assertThat(actual.samples(name)).as(name).containsExactlyInAnyOrderElementsOf(expected.samples(name));
    }
    assertThat(actual.sum("statusguard_series_overflow_total")).isGreaterThan(0.0);
  }

  @Test
  void handsOutTheMetersOfAnAdmittedSeriesAndNoneForAnEventPastACap() {
    ResponseMetrics capped = ResponseMetrics.create(1);
    ResponseEvent admitted = SampleEvents.retrieveTransaction(404).endpointTemplate("/a").build();
    ResponseEvent overflowing = SampleEvents.retrieveTransaction(404).endpointTemplate("/b").build();

    ResponseMetrics.SeriesMeters admitting = capped.recordResponse(admitted, CLIENT_FIXABLE, null, NOW);
    ResponseMetrics.SeriesMeters second = capped.recordResponse(admitted, CLIENT_FIXABLE, admitting, NOW);
    ResponseMetrics.SeriesMeters third = capped.recordResponse(admitted, CLIENT_FIXABLE, second, NOW);
    ResponseMetrics.SeriesMeters past = capped.recordResponse(overflowing, CLIENT_FIXABLE, null, NOW);
    ResponseMetrics.SeriesMeters pastAgain = capped.recordResponse(overflowing, CLIENT_FIXABLE, past, NOW);

    ScrapedMetrics scraped = ScrapedMetrics.parse(capped.registry().scrape());
    assertThat(second).isNotNull().isSameAs(third);
    assertThat(past).isNull();
    assertThat(pastAgain).isNull();
    assertThat(scraped.sum("statusguard_responses_total", "endpoint", "/a")).isEqualTo(3.0);
    assertThat(scraped.sum("statusguard_responses_total", "endpoint", "_OTHER")).isEqualTo(2.0);
    assertThat(scraped.sum("statusguard_series_overflow_total", "tag", "endpoint")).isEqualTo(2.0);
  }

  @Test
  void exposesTheWindowsTheAgentsAndTheConsumer() {
    FakeClock clock = FakeClock.at(Instant.parse("2026-11-26T10:00:00Z"));
    ResponseWindows windows = ResponseWindows.create(WindowSettings.defaults().withMaxSeries(1), clock);
    Classification notFound = new Classification(CLIENT_FIXABLE, "c", "a");
    windows.record(SampleEvents.retrieveTransaction(404).timeUnixMs(clock.millis()).build(), notFound);
    windows.record(SampleEvents.retrieveTransaction(409).timeUnixMs(clock.millis()).build(), notFound);
    windows.record(SampleEvents.retrieveTransaction(409).timeUnixMs(0).build(), notFound);
    windows.record(SampleEvents.retrieveTransaction(409).timeUnixMs(clock.millis() + 3_600_000).build(), notFound);
    metrics.bindWindows(windows);
    metrics.bindAgents(AgentDirectory.create(1, clock));
    metrics.bindIngest(new FixedIngestStatus(42, 3, 1));
    metrics.recordReplayed();

    ScrapedMetrics scraped = scrape();

    assertThat(scraped.sum("statusguard_window_keys")).isEqualTo(1.0);
    assertThat(scraped.sum("statusguard_window_keys_evicted_total")).isEqualTo(1.0);
    assertThat(scraped.sum("statusguard_window_late_events_total")).isEqualTo(1.0);
    assertThat(scraped.sum("statusguard_window_clamped_events_total")).isEqualTo(1.0);
    assertThat(scraped.sum("statusguard_agents_evicted_total")).isEqualTo(0.0);
    assertThat(scraped.sum("statusguard_consumer_lag_records")).isEqualTo(42.0);
    assertThat(scraped.sum("statusguard_dead_letters_total", "outcome", "written")).isEqualTo(3.0);
    assertThat(scraped.sum("statusguard_dead_letters_total", "outcome", "failed")).isEqualTo(1.0);
    assertThat(scraped.sum("statusguard_events_replayed_total")).isEqualTo(1.0);
    assertThat(scraped.sum("statusguard_events_consumed_total")).isEqualTo(0.0);
  }

  @Test
  void showsEveryDecodeFailureReasonFromZero() {
    metrics.recordDecodeFailure(DecodeFailure.UNKNOWN_MAJOR_VERSION);
    metrics.recordDecodeFailure(DecodeFailure.UNKNOWN_MAJOR_VERSION);

    ScrapedMetrics scraped = scrape();

    for (DecodeFailure reason : DecodeFailure.values()) {
      assertThat(scraped.has("statusguard_decode_failures_total", "reason", reason.wireName())).isTrue();
    }
    assertThat(scraped.sum("statusguard_decode_failures_total", "reason", "unknown_major_version")).isEqualTo(2.0);
    assertThat(scraped.sum("statusguard_decode_failures_total")).isEqualTo(2.0);
    assertThat(scraped.sum("statusguard_series_overflow_total", "tag", "endpoint")).isEqualTo(0.0);
  }

  @Test
  void countsConsumedAndSkippedRecords() {
    metrics.recordConsumed();
    metrics.recordConsumed();
    metrics.recordSkipped("agent.heartbeat");

    ScrapedMetrics scraped = scrape();

    assertThat(scraped.sum("statusguard_events_consumed_total")).isEqualTo(2.0);
    assertThat(scraped.sum("statusguard_events_skipped_total", "event_type", "agent.heartbeat")).isEqualTo(1.0);
  }

  @Test
  void snapshotSumsOverEgressGroups() {
    record(SampleEvents.retrieveTransaction(404).build(), 2);
    record(SampleEvents.retrieveTransaction(404).egressGroup("198.51.100.9").build(), 3);
    record(SampleEvents.createAccount(409).operation(null).build(), 1);

    ResponseCounts counts = metrics.snapshot();

    assertThat(counts.count(new ResponseCounts.Key("payments", "GET", "api.provider.test", "RetrieveTransaction",
        SampleEvents.TRANSACTION, 404))).isEqualTo(5.0);
    assertThat(counts.count(new ResponseCounts.Key("payments", "POST", "api.provider.test", "unknown",
        SampleEvents.ACCOUNTS, 409))).isEqualTo(1.0);
    assertThat(counts.count(new ResponseCounts.Key("payments", "GET", "api.provider.test", "RetrieveTransaction",
        SampleEvents.TRANSACTION, 200))).isEqualTo(0.0);
    assertThat(counts.total()).isEqualTo(6.0);
  }

  @Test
  void scrapingWhileRecordingLosesNoCount() throws Exception {
    int threads = 2;
    int perThread = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> recorders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        recorders.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            metrics.recordResponse(SampleEvents.retrieveTransaction(400 + (i % 5))
                .endpointTemplate("/e/" + thread + "/" + (i % 7)).build(), CLIENT_FIXABLE);
          }
          return null;
        }));
      }
      Future<?> scraper = pool.submit(() -> {
        start.await();
        while (!recorders.stream().allMatch(Future::isDone)) {
          ScrapedMetrics.parse(metrics.registry().scrape());
          metrics.snapshot();
        }
        return null;
      });
      start.countDown();
      for (Future<?> recorder : recorders) {
        recorder.get(60, TimeUnit.SECONDS);
      }
      scraper.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(scrape().sum("statusguard_responses_total")).isEqualTo(threads * perThread);
    assertThat(metrics.snapshot().total()).isEqualTo(threads * perThread);
  }

  private void record(ResponseEvent event, int times) {
    for (int i = 0; i < times; i++) {
      metrics.recordResponse(event, CLIENT_FIXABLE);
    }
  }

  /** Ingest figures that stay as given: the real consumer's are tested with a broker. */
  private record FixedIngestStatus(long lagRecords, long deadLettersWritten, long deadLettersFailed)
      implements IngestStatus {
    @Override
    public boolean isRunning() {
      return true;
    }

    @Override
    public boolean isReady() {
      return true;
    }
  }

  private ScrapedMetrics scrape() {
    return ScrapedMetrics.parse(metrics.registry().scrape());
  }
}

package io.statusguard.analyzer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.statusguard.analyzer.SampleEvents;
import io.statusguard.testing.ScrapedMetrics;
import io.statusguard.analyzer.ingest.DecodeFailure;
import io.statusguard.event.ResponseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResponseMetricsTest {
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
      capped.recordResponse(SampleEvents.retrieveTransaction(404).endpointTemplate("/leaked/" + i).build());
    }
    capped.recordResponse(SampleEvents.retrieveTransaction(404).endpointTemplate("/leaked/0").build());

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
                .endpointTemplate("/e/" + thread + "/" + (i % 7)).build());
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
      metrics.recordResponse(event);
    }
  }

  private ScrapedMetrics scrape() {
    return ScrapedMetrics.parse(metrics.registry().scrape());
  }
}

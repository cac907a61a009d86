package io.statusguard.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.ingest.DecodeFailure;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import io.statusguard.testing.ScrapedMetrics;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.WithKafkaBroker;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The analyzer against what a broken or hostile producer sends: a flood of malformed records, and a
 * million distinct raw paths. Runs in a JVM of its own with a 512 MB heap ({@code bounded-heap} in the
 * pom), so that staying within that heap is part of passing.
 */
@Tag("bounded-heap")
@WithKafkaBroker
class AnalyzerHostileInputTest {
  private static final Duration LONG_PATIENCE = Duration.ofMinutes(5);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
  private static final int PARTITIONS = 3;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

  @Test
  void countsEveryValidEventAndEveryHostileRecordByReasonAmongAHundredThousand(TestKafka kafka) throws Exception {
    String topic = "events-fuzz";
    String group = "analyzer-fuzz";
    kafka.createTopic(topic, PARTITIONS);
    HostileRecords hostile = new HostileRecords(new Random(20261126));
    Map<DecodeFailure, Integer> expectedFailures = new EnumMap<>(DecodeFailure.class);
    Map<Integer, Integer> expectedStatuses = new HashMap<>();
    int records = 0;
    try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
      for (int i = 0; i < 100_000; i++) {
        HostileRecords.Record record = hostile.next();
        writer.writeAsync(record.key(), record.value());
        expectedFailures.merge(record.reason(), 1, Integer::sum);
        records++;
        if (i % 10 == 0) {
          ResponseEvent valid = hostile.validEvent();
          writer.writeAsync(valid.egressGroup(), ResponseEventEncoder.encode(valid));
          expectedStatuses.merge(valid.status(), 1, Integer::sum);
          records++;
        }
      }
      writer.flush();
    }

    try (Analyzer analyzer = Analyzer.start(config(kafka, topic, group));
        GroupProgress progress = GroupProgress.of(kafka.bootstrapServers(), group, topic, PARTITIONS)) {
      Polling.awaitTrue("the analyzer to commit every record", LONG_PATIENCE, progress::caughtUp);
      ScrapedMetrics metrics = scrape(analyzer.metricsUri());

      assertThat(analyzer.isHealthy()).isTrue();
      assertThat(metrics.sum("statusguard_events_consumed_total")).isEqualTo(records);
      for (DecodeFailure reason : DecodeFailure.values()) {
        assertThat(metrics.sum("statusguard_decode_failures_total", "reason", reason.wireName()))
            .as("records rejected as %s", reason.wireName())
            .isEqualTo((double) expectedFailures.getOrDefault(reason, 0));
      }
      assertThat(metrics.sum("statusguard_decode_failures_total")).isEqualTo(100_000);
      assertThat(metrics.sum("statusguard_responses_total")).isEqualTo(10_000);
      expectedStatuses.forEach((status, count) ->
          assertThat(metrics.sum("statusguard_responses_total", "status", Integer.toString(status)))
              .isEqualTo((double) count));
      assertThat(get(analyzer.baseUri().resolve("/healthz")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aMillionRawPathsStayWithinTheCapsAndTheHeap(TestKafka kafka) throws Exception {
    String topic = "events-paths";
    String group = "analyzer-paths";
    int paths = 1_000_000;
    kafka.createTopic(topic, PARTITIONS);
    AnalyzerConfig config = config(kafka, topic, group);

    try (Analyzer analyzer = Analyzer.start(config);
        GroupProgress progress = GroupProgress.of(kafka.bootstrapServers(), group, topic, PARTITIONS);
        TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
      long now = System.currentTimeMillis();
      ResponseEvent leaking = SampleEvents.retrieveTransaction(404).timeUnixMs(now).build();
      for (int i = 0; i < paths; i++) {
        // A misbehaving agent that sends raw paths: every transaction ID is an endpoint of its own.
        ResponseEvent event = leaking.toBuilder().endpointTemplate("/v1/clients/A0oH0E4EiWloxnwr75liQg/transactions/"
            + Integer.toString(i, 36)).egressGroup("10.1.0." + (i % 16)).timeUnixMs(now + i / 1000).build();
        writer.writeAsync(event.egressGroup(), ResponseEventEncoder.encode(event));
      }
      writer.flush();
      Polling.awaitTrue("the analyzer to commit every record", LONG_PATIENCE, progress::caughtUp);
      ScrapedMetrics metrics = scrape(analyzer.metricsUri());
      int endpoints = endpointsServed(analyzer);
      long heapAfterGc = heapUsedAfterGc();

      assertThat(metrics.sum("statusguard_responses_total")).isEqualTo(paths);
      assertThat(metrics.seriesCount("statusguard_responses_total"))
          .isLessThanOrEqualTo(config.maxSeries())
          .isLessThanOrEqualTo(16L * (config.maxEndpoints() + 1));
      assertThat(metrics.sum("statusguard_series_overflow_total", "tag", "endpoint"))
          .isGreaterThanOrEqualTo(paths - config.maxEndpoints());
      assertThat(metrics.sum("statusguard_window_keys")).isLessThanOrEqualTo(config.maxWindowKeys());
      assertThat(metrics.sum("statusguard_window_keys_evicted_total"))
          .isGreaterThanOrEqualTo(paths - config.maxWindowKeys());
      assertThat(endpoints).isLessThanOrEqualTo(config.maxWindowKeys());
      assertThat(heapAfterGc).as("heap in use after a full GC, in bytes").isLessThan(256L * 1024 * 1024);
      assertThat(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax())
          .as("the JVM's maximum heap").isLessThanOrEqualTo(512L * 1024 * 1024);
    }
  }

  private int endpointsServed(Analyzer analyzer) throws Exception {
    HttpResponse<String> response = get(analyzer.baseUri().resolve("/api/v1/endpoints"));
    assertThat(response.statusCode()).isEqualTo(200);
    return analyzer.endpoints().series().size();
  }

  private static long heapUsedAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private ScrapedMetrics scrape(URI metrics) throws Exception {
    return ScrapedMetrics.parse(get(metrics).body());
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static AnalyzerConfig config(TestKafka kafka, String topic, String group) {
    return AnalyzerConfig.defaults()
        .withBootstrapServers(kafka.bootstrapServers())
        .withTopic(topic)
        .withGroupId(group)
        .withHttpHost("127.0.0.1")
        .withHttpPort(0);
  }
}

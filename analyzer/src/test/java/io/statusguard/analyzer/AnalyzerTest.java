package io.statusguard.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.export.ResponseCounts;
import io.statusguard.event.ResponseEventEncoder;
import io.statusguard.testing.ScrapedMetrics;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WithKafkaBroker
class AnalyzerTest {
  private static final int PARTITIONS = 3;
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

  @Test
  void servesExactCountsOfProducedEventsAndRejectsByReason(TestKafka kafka) throws Exception {
    String topic = "events-exact";
    kafka.createTopic(topic, PARTITIONS);
    try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
      writer.write(SampleEvents.retrieveTransaction(404).build(), 5);
      writer.write(SampleEvents.retrieveTransaction(200).sampleWeight(10).build(), 3);
      writer.write(SampleEvents.createTransaction(409).egressGroup("198.51.100.9").build(), 4);
      writer.write(SampleEvents.createAccount(409).build(), 2);
      writer.write(SampleEvents.timedOut().build(), 1);
      writer.write("bad", "not json");
      writer.write("bad", "[\"an\",\"array\"]");
      writer.write("bad", "{\"event.type\":\"http.response\"}");
      writer.write("bad", ResponseEventEncoder.toJson(SampleEvents.createAccount(409).build())
          .replace("\"schema_version\":\"1.0\"", "\"schema_version\":\"2.0\""));
      writer.write("bad", ResponseEventEncoder.toJson(SampleEvents.createAccount(409).build())
          .replace("\"server.port\":8443", "\"server.port\":\"8443\""));
      writer.write("agent", "{\"schema_version\":\"1.1\",\"event.type\":\"agent.heartbeat\"}");
    }
    String group = "analyzer-exact";

    try (Analyzer analyzer = Analyzer.start(config(kafka, topic, group));
        GroupProgress progress = GroupProgress.of(kafka.bootstrapServers(), group, topic, PARTITIONS)) {
      Polling.awaitTrue("the analyzer to commit every record", progress::caughtUp);
      ScrapedMetrics metrics = ScrapedMetrics.parse(get(analyzer.metricsUri()).body());

      assertThat(metrics.sum("statusguard_events_consumed_total")).isEqualTo(21.0);
      assertThat(responses(metrics, "RetrieveTransaction", "404", "203.0.113.7")).isEqualTo(5.0);
      assertThat(responses(metrics, "RetrieveTransaction", "200", "203.0.113.7")).isEqualTo(30.0);
      assertThat(responses(metrics, "CreateTransaction", "409", "198.51.100.9")).isEqualTo(4.0);
      assertThat(responses(metrics, "CreateAccount", "409", "203.0.113.7")).isEqualTo(2.0);
      assertThat(responses(metrics, "RetrieveTransaction", "0", "203.0.113.7")).isEqualTo(1.0);
      assertThat(metrics.seriesCount("statusguard_responses_total")).isEqualTo(5);
      assertThat(metrics.sum("statusguard_response_duration_seconds_count")).isEqualTo(15.0);
      assertThat(failures(metrics, "malformed_json")).isEqualTo(1.0);
      assertThat(failures(metrics, "not_an_object")).isEqualTo(1.0);
      assertThat(failures(metrics, "missing_schema_version")).isEqualTo(1.0);
      assertThat(failures(metrics, "unknown_major_version")).isEqualTo(1.0);
      assertThat(failures(metrics, "wrong_type")).isEqualTo(1.0);
      assertThat(metrics.sum("statusguard_decode_failures_total")).isEqualTo(5.0);
      assertThat(metrics.sum("statusguard_events_skipped_total", "event_type", "agent.heartbeat")).isEqualTo(1.0);
      assertThat(analyzer.snapshot().count(new ResponseCounts.Key(SampleEvents.SERVICE, "POST", SampleEvents.HOST,
          "CreateTransaction", SampleEvents.TRANSACTIONS, 409))).isEqualTo(4.0);

      HttpResponse<String> health = get(analyzer.metricsUri().resolve("/healthz"));
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("ok\n");
    }
  }

  @Test
  void aNewMemberOfTheGroupDoesNotCountCommittedEventsAgain(TestKafka kafka) throws Exception {
    String topic = "events-restart";
    String group = "analyzer-restart";
    kafka.createTopic(topic, PARTITIONS);
    try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic);
        GroupProgress progress = GroupProgress.of(kafka.bootstrapServers(), group, topic, PARTITIONS)) {
      writer.write(SampleEvents.retrieveTransaction(404).build(), 6);
      try (Analyzer first = Analyzer.start(config(kafka, topic, group))) {
        Polling.awaitTrue("the first analyzer to commit every record", progress::caughtUp);
        assertThat(first.snapshot().total()).isEqualTo(6.0);
      }

      writer.write(SampleEvents.retrieveTransaction(404).build(), 4);
      try (Analyzer second = Analyzer.start(config(kafka, topic, group))) {
        Polling.awaitTrue("the second analyzer to commit every record", progress::caughtUp);
        ScrapedMetrics metrics = ScrapedMetrics.parse(get(second.metricsUri()).body());

        assertThat(metrics.sum("statusguard_events_consumed_total")).isEqualTo(4.0);
        assertThat(responses(metrics, "RetrieveTransaction", "404", "203.0.113.7")).isEqualTo(4.0);
        assertThat(second.snapshot().total()).isEqualTo(4.0);
      }
    }
  }

  private static AnalyzerConfig config(TestKafka kafka, String topic, String group) {
    return AnalyzerConfig.defaults()
        .withBootstrapServers(kafka.bootstrapServers())
        .withTopic(topic)
        .withGroupId(group)
        .withHttpHost("127.0.0.1")
        .withHttpPort(0);
  }

  private static double responses(ScrapedMetrics metrics, String operation, String status, String egressGroup) {
    return metrics.sum("statusguard_responses_total", "service", SampleEvents.SERVICE, "host", SampleEvents.HOST,
        "operation", operation, "status", status, "egress_group", egressGroup);
  }

  private static double failures(ScrapedMetrics metrics, String reason) {
    return metrics.sum("statusguard_decode_failures_total", "reason", reason);
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

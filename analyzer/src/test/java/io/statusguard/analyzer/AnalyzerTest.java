package io.statusguard.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statusguard.analyzer.domain.FakeClock;
import io.statusguard.analyzer.export.ResponseCounts;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import io.statusguard.event.SchemaVersion;
import io.statusguard.testing.ScrapedMetrics;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.TopicReader;
import io.statusguard.testing.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@WithKafkaBroker
class AnalyzerTest {
  private static final int PARTITIONS = 3;
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

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
          .replace("\"schema_version\":\"" + SchemaVersion.CURRENT + '"', "\"schema_version\":\"2.0\""));
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
      assertThat(metrics.sum("statusguard_responses_total", "class", "client_fixable")).isEqualTo(11.0);
      assertThat(metrics.sum("statusguard_responses_total", "class", "success")).isEqualTo(30.0);
      assertThat(metrics.sum("statusguard_responses_total", "status", "0", "class", "no_response")).isEqualTo(1.0);
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

  @Test
  void isReadyOnlyOnceItsPartitionsAreAssigned(TestKafka kafka) throws Exception {
    String topic = "events-ready";

    try (Analyzer analyzer = Analyzer.start(config(kafka, topic, "analyzer-ready"))) {
      // The topic does not exist yet, so no partition can be assigned.
      for (int i = 0; i < 10; i++) {
        assertThat(get(analyzer.baseUri().resolve("/readyz")).statusCode()).isEqualTo(503);
        assertThat(get(analyzer.baseUri().resolve("/healthz")).statusCode()).isEqualTo(200);
        Thread.sleep(200);
      }
      kafka.createTopic(topic, PARTITIONS);

      Polling.awaitTrue("/readyz to answer 200", () -> get(analyzer.baseUri().resolve("/readyz")).statusCode() == 200);
      assertThat(analyzer.isReady()).isTrue();
    }
  }

  @Test
  void aRestartRebuildsTheLastHourOfWindowsWithoutCountingAgain(TestKafka kafka) throws Exception {
    String topic = "events-rebuild";
    String group = "analyzer-rebuild";
    kafka.createTopic(topic, PARTITIONS);
    FakeClock clock = FakeClock.at(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    Instant now = clock.instant();
    try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic);
        GroupProgress progress = GroupProgress.of(kafka.bootstrapServers(), group, topic, PARTITIONS)) {
      // Older than the rebuild window by its record timestamp: no member reads it.
      writer.writeAt(System.currentTimeMillis() - Duration.ofHours(2).toMillis(),
          at(now.minus(Duration.ofHours(2)), SampleEvents.retrieveTransaction(404)));
      writer.write(at(now.minusSeconds(5), SampleEvents.retrieveTransaction(404)), 30);
      writer.write(at(now.minusSeconds(50), SampleEvents.createAccount(409).egressGroup("198.51.100.9")), 20);
      writer.write(at(now.minusSeconds(200), SampleEvents.retrieveTransaction(200).sampleWeight(5)), 10);
      writer.write(at(now.minusSeconds(2), SampleEvents.retrieveTransaction(403).contentType("application/xml")), 1);
      JsonNode before;
      try (Analyzer first = Analyzer.start(config(kafka, topic, group), clock)) {
        awaitCaughtUpAndReady(first, progress);
        before = endpoints(first);
        ScrapedMetrics metrics = ScrapedMetrics.parse(get(first.metricsUri()).body());
        assertThat(metrics.sum("statusguard_events_consumed_total")).isEqualTo(61.0);
        assertThat(metrics.sum("statusguard_responses_total")).isEqualTo(101.0);
      }

      writer.write(at(now.minusSeconds(1), SampleEvents.retrieveTransaction(404)), 5);
      try (Analyzer second = Analyzer.start(config(kafka, topic, group), clock)) {
        awaitCaughtUpAndReady(second, progress);
        JsonNode after = endpoints(second);
        ScrapedMetrics metrics = ScrapedMetrics.parse(get(second.metricsUri()).body());

        assertThat(metrics.sum("statusguard_events_consumed_total")).isEqualTo(5.0);
        assertThat(metrics.sum("statusguard_events_replayed_total")).isEqualTo(61.0);
        assertThat(metrics.sum("statusguard_responses_total")).isEqualTo(5.0);
        assertThat(second.snapshot().total()).isEqualTo(5.0);
        assertThat(after.get("endpoints")).hasSize(4);
        for (int i = 0; i < 4; i++) {
          JsonNode series = after.get("endpoints").get(i);
          if (series.get("status").asInt() == 404) {
            assertThat(series.get("events_in_retention").asDouble()).isEqualTo(35.0);
            assertThat(series.get("rate_per_second").get("10s").asDouble()).isEqualTo(3.5);
          } else {
            assertThat(series).isEqualTo(before.get("endpoints").get(i));
          }
        }
        assertThat(before.get("endpoints").findValuesAsText("class"))
            .containsExactlyInAnyOrder("client_fixable", "client_fixable", "success", "ip_blocked");
      }
    }
  }

  @Test
  void copiesRejectedRecordsToTheDeadLetterTopicWithTheReason(TestKafka kafka) throws Exception {
    String topic = "events-dead";
    String deadLetters = "events-dead.rejected";
    String group = "analyzer-dead";
    kafka.createTopic(topic, 1);
    kafka.createTopic(deadLetters, 1);
    try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic);
        GroupProgress progress = GroupProgress.of(kafka.bootstrapServers(), group, topic, 1)) {
      writer.write("bad", "not json");
      writer.write(SampleEvents.retrieveTransaction(404).build(), 1);
      writer.write("bad", "{\"schema_version\":\"9.0\"}");

      try (Analyzer analyzer = Analyzer.start(config(kafka, topic, group).withDeadLetterTopic(deadLetters));
          TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), deadLetters)) {
        Polling.awaitTrue("the analyzer to commit every record", progress::caughtUp);
        List<ConsumerRecord<String, String>> copies = reader.readAtLeast(2, Polling.PATIENCE);

        assertThat(copies).extracting(ConsumerRecord::key, ConsumerRecord::value)
            .containsExactly(tuple("bad", "not json"), tuple("bad", "{\"schema_version\":\"9.0\"}"));
        assertThat(copies).extracting(record -> header(record, "statusguard.rejection.reason"))
            .containsExactly("malformed_json", "unknown_major_version");
        assertThat(header(copies.get(0), "statusguard.source")).isEqualTo(topic + "-0@0");
        Polling.awaitTrue("both copies to be counted", () -> ScrapedMetrics.parse(get(analyzer.metricsUri()).body())
            .sum("statusguard_dead_letters_total", "outcome", "written") == 2.0);
        assertThat(analyzer.snapshot().total()).isEqualTo(1.0);
      }
    }
  }

  private static ResponseEvent at(Instant time, ResponseEvent.Builder event) {
    return event.timeUnixMs(time.toEpochMilli()).build();
  }

  private static void awaitCaughtUpAndReady(Analyzer analyzer, GroupProgress progress) throws Exception {
    Polling.awaitTrue("the analyzer to be ready", analyzer::isReady);
    Polling.awaitTrue("the analyzer to commit every record", progress::caughtUp);
  }

  private JsonNode endpoints(Analyzer analyzer) throws Exception {
    HttpResponse<String> response = get(analyzer.baseUri().resolve("/api/v1/endpoints"));
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
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

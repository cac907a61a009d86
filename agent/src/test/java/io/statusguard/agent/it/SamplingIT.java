package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.PublishedEvent;
import io.statusguard.agent.testsupport.Run;
import io.statusguard.event.EventFields;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.TopicReader;
import io.statusguard.testing.WithKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Sampling in the real agent jar: an application sending successes far above the configured limit
 * gets fewer events, whose {@code sample.weight} adds up to the responses it made (the analyzer adds
 * the weights, see its {@code AnalyzerTest}), and the exit line accounts for every one left out.
 */
@WithKafkaBroker
class SamplingIT {
  private static final String TOPIC = "agent-it.sampling";
  private static final int REQUESTS = 4000;
  private static final Pattern SUMMARY = Pattern.compile("\\[statusguard] agent stopped: seen=(\\d+)"
      + " sent=(\\d+) dropped=(\\d+) \\(.*\\)(?: sampled_out=(\\d+))?");

  @Test
  void weightedEventsAddUpToTheResponsesSeen(TestKafka kafka) throws Exception {
    kafka.createTopic(TOPIC, 1);

    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, "bootstrap.servers="
            + kafka.bootstrapServers() + ",topic=" + TOPIC + ",sampling.successes.per.second=100")
        .run("sampling", JdkScenarioMain.class, "httpclient-sync-ok", String.valueOf(REQUESTS), "0");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).hasSize(REQUESTS).allMatch(line -> line.startsWith("ok: 200 "));
    Matcher summary = SUMMARY.matcher(run.summary());
    assertThat(summary.matches()).as(run.summary()).isTrue();
    long seen = Long.parseLong(summary.group(1));
    long sent = Long.parseLong(summary.group(2));
    long dropped = Long.parseLong(summary.group(3));
    long sampledOut = summary.group(4) == null ? 0 : Long.parseLong(summary.group(4));
    assertThat(seen).isEqualTo(REQUESTS);
    assertThat(sent + dropped + sampledOut).as(run.summary()).isEqualTo(seen);
    List<ConsumerRecord<String, String>> records;
    try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
      records = EventRecords.responses(reader.readUntil(
          read -> EventRecords.responses(read).size() >= sent, Duration.ofSeconds(60)));
    }
    assertThat(records).hasSize((int) sent);
    double weights = records.stream()
        .mapToDouble(r -> PublishedEvent.tree(r.value()).path(EventFields.SAMPLE_WEIGHT).asDouble())
        .sum();

    // Sync requests on a loopback run far above 100 a second, however loaded the machine.
    assertThat(sampledOut).as(run.summary()).isPositive();
    assertThat(records).anyMatch(
        r -> PublishedEvent.tree(r.value()).path(EventFields.SAMPLE_WEIGHT).asDouble() > 1);
    // Unbiased, but random: a quarter is more than four standard deviations at these rates. A
    // broker that has just started may drop the first events, whose weights are then missing.
    assertThat(weights).isCloseTo(seen - dropped, within(0.25 * seen + dropped * 50.0));
  }
}

package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.ChildJvm.Started;
import io.statusguard.agent.testsupport.PublishedEvent;
import io.statusguard.agent.testsupport.Run;
import io.statusguard.event.EventFields;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.TopicReader;
import io.statusguard.testing.WithKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A broker that stops while the application runs and comes back: the agent warns once, keeps the
 * application unaffected (every request succeeds, nothing else is printed), counts what it drops,
 * and delivers events again within {@value #RECOVERY_BOUND_MS} ms of the broker's return, as the
 * issue requires; it says once that events flow again, and every event is accounted for.
 */
@WithKafkaBroker
class KafkaOutageIT {
  private static final String TOPIC = "agent-it.outage";
  /** From the broker serving again to the first event of a later response being readable. */
  private static final long RECOVERY_BOUND_MS = 10_000;
  private static final Pattern SUMMARY = Pattern.compile(
      "\\[statusguard] agent stopped: seen=(\\d+) sent=(\\d+) dropped=(\\d+)"
          + " \\(queue_full=(\\d+) send_failed=(\\d+) encode_failed=(\\d+)\\)");

  @Test
  void warnsOnceWhileTheBrokerIsDownAndReportsItsReturn(TestKafka kafka) throws Exception {
    kafka.createTopic(TOPIC, 1);
    Path stopFile = Files.createTempFile("statusguard-outage", ".stop");
    Files.delete(stopFile);
    String servers = kafka.bootstrapServers();
    String warning = "[statusguard] WARN cannot deliver events to Kafka at " + servers;
    String recovery = "[statusguard] events reach Kafka at " + servers + " again; ";

    Started child = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, "bootstrap.servers="
        + kafka.bootstrapServers() + ",topic=" + TOPIC)
        .start("outage", JdkScenarioMain.class, "urlconnection-ok", "3000", "100",
            stopFile.toString());
    Run run;
    long recoveryMillis;
    try {
      try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
        reader.readUntil(records -> EventRecords.responses(records).size() >= 3,
            Duration.ofSeconds(60));
      }
      kafka.stop();
      awaitLine(child, warning, Duration.ofSeconds(60));
      kafka.restart();
      long servingAgainMillis = System.currentTimeMillis();
      try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
        // Generous, so that a miss is reported with its measure rather than as a timeout.
        reader.readUntil(records -> EventRecords.responses(records).stream()
            .anyMatch(record -> respondedAt(record) >= servingAgainMillis),
            Duration.ofSeconds(60));
      }
      recoveryMillis = System.currentTimeMillis() - servingAgainMillis;
      awaitLine(child, recovery, Duration.ofSeconds(60));
      Files.createFile(stopFile);
      run = child.awaitExit();
    } finally {
      child.kill();
      Files.deleteIfExists(stopFile);
    }

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).isNotEmpty().allMatch(line -> line.startsWith("ok: 200 "));
    assertThat(run.otherStderrLines()).isEmpty();
    System.out.println("events flowed again " + recoveryMillis + " ms after the broker returned");
    assertThat(recoveryMillis).as("ms from the broker's return to a new event on the topic")
        .isLessThanOrEqualTo(RECOVERY_BOUND_MS);
    assertThat(run.agentLines()).filteredOn(line -> line.startsWith(warning)).hasSize(1);
    assertThat(run.agentLines()).filteredOn(line -> line.startsWith(recovery)).singleElement()
        .asString().matches(".* again; \\d+ events were dropped while it was not");
    Matcher summary = SUMMARY.matcher(run.summary());
    assertThat(summary.matches()).isTrue();
    long seen = Long.parseLong(summary.group(1));
    long sent = Long.parseLong(summary.group(2));
    long dropped = Long.parseLong(summary.group(3));
    assertThat(seen).isEqualTo(run.outcomes().size());
    assertThat(sent + dropped).isEqualTo(seen);
    assertThat(dropped).isPositive();
    assertThat(sent).isPositive();
  }

  private static long respondedAt(ConsumerRecord<String, String> record) {
    return PublishedEvent.tree(record.value()).path(EventFields.TIME_UNIX_MS).asLong();
  }

  private static void awaitLine(Started child, String prefix, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      List<String> lines = child.stderrSoFar();
      if (lines.stream().anyMatch(line -> line.startsWith(prefix))) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no line starting with '" + prefix + "' within " + timeout + ": "
        + child.stderrSoFar());
  }
}

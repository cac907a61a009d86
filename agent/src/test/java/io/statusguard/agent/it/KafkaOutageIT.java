package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.it.ChildJvm.Run;
import io.statusguard.agent.it.ChildJvm.Started;
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
import org.junit.jupiter.api.Test;

/**
 * A broker that stops while the application runs and comes back: the agent warns once, keeps the
 * application unaffected, and says once that events flow again; every event is accounted for.
 */
@WithKafkaBroker
class KafkaOutageIT {
  private static final String TOPIC = "agent-it.outage";
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
        .start("outage", "urlconnection-ok", "1200", "100", stopFile.toString());
    Run run;
    try {
      try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
        reader.readAtLeast(3, Duration.ofSeconds(60));
      }
      kafka.stop();
      awaitLine(child, warning, Duration.ofSeconds(60));
      kafka.restart();
      awaitLine(child, recovery, Duration.ofSeconds(60));
      Files.createFile(stopFile);
      run = child.awaitExit();
    } finally {
      child.kill();
      Files.deleteIfExists(stopFile);
    }

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).isNotEmpty().allMatch(line -> line.startsWith("ok: 200 "));
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

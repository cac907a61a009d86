package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusguard.agent.health.AgentHealthMXBean;
import io.statusguard.agent.it.ChildJmx.ThreadSummary;
import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.ChildJvm.Started;
import io.statusguard.agent.testsupport.Run;
import io.statusguard.event.SchemaVersion;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.TopicReader;
import io.statusguard.testing.WithKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of a running agent: its counters over JMX, its heartbeats on the topic (every
 * interval, and a last one as the JVM stops), and only daemon threads with recognisable names, so
 * that it can never keep the application's JVM alive.
 */
@WithKafkaBroker
class AgentHealthIT {
  private static final String TOPIC = "agent-it.health";
  private static final Pattern SUMMARY = Pattern.compile(
      "\\[statusguard] agent stopped: seen=(\\d+) sent=(\\d+) dropped=(\\d+) .*");
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void showsItsHealthOverJmxAndInHeartbeatsAndRunsOnlyDaemonThreads(TestKafka kafka)
      throws Exception {
    kafka.createTopic(TOPIC, 1);
    List<ThreadSummary> baselineThreads = threadsWithoutTheAgent();

    Path stopFile = stopFile();
    Started child = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, "bootstrap.servers="
        + kafka.bootstrapServers() + ",topic=" + TOPIC + ",service.name=payments,"
        + "egress.group=it-egress,heartbeat.interval.ms=1000")
        .start("health", JdkScenarioMain.class, "urlconnection-ok", "3000", "50",
            stopFile.toString());
    Run run;
    List<ThreadSummary> threads;
    try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
      reader.readUntil(records -> EventRecords.heartbeats(records).size() >= 2, WAIT);
      try (ChildJmx jmx = ChildJmx.attach(child.pid())) {
        assertThat(jmx.hasAgentHealth()).as("MBean io.statusguard:type=Agent").isTrue();
        assertHealth(jmx.agentHealth());
        threads = jmx.threads();
      }
      Files.createFile(stopFile);
      run = child.awaitExit();
      Matcher summary = SUMMARY.matcher(run.summary());
      assertThat(summary.matches()).as(run.summary()).isTrue();
      List<ConsumerRecord<String, String>> records = reader.readUntil(
          read -> EventRecords.heartbeats(read).stream()
              .anyMatch(heartbeat -> heartbeat.path("agent.stopping").asBoolean()), WAIT);
      assertHeartbeats(records, Long.parseLong(summary.group(1)));
    } finally {
      child.kill();
      Files.deleteIfExists(stopFile);
    }

    System.out.println("Threads of the child JVM with the agent, after traffic:");
    threads.forEach(thread -> System.out.println("  " + thread));
    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).isNotEmpty().allMatch(line -> line.startsWith("ok: 200 "));
    assertThat(run.otherStderrLines()).isEmpty();
    assertAgentThreadsAreDaemons(threads, baselineThreads);
  }

  /**
   * The counters as JMX shows them. On a loaded machine the first sends may time out before the
   * broker answers, so drops are possible; what JMX shows must still add up.
   */
  private static void assertHealth(AgentHealthMXBean health) {
    long sent = health.getEventsSent();
    long dropped = health.getEventsDropped();
    assertThat(sent).isPositive();
    assertThat(health.getResponsesSeen()).isGreaterThanOrEqualTo(sent + dropped);
    assertThat(dropped).isEqualTo(health.getEventsDroppedQueueFull()
        + health.getEventsDroppedSendFailed() + health.getEventsDroppedEncodeFailed());
    assertThat(health.getSendFailures()).isLessThanOrEqualTo(health.getEventsDroppedSendFailed());
    assertThat(health.getQueueDepth()).isBetween(0, 8192);
    assertThat(health.getQueueCapacity()).isEqualTo(8192);
    assertThat(health.getHeartbeatsSent()).isPositive();
    assertThat(health.getHeartbeatIntervalMs()).isEqualTo(1000);
    assertThat(health.getUptimeMs()).isPositive();
    assertThat(health.getAgentVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  private static void assertHeartbeats(List<ConsumerRecord<String, String>> records,
      long seenAtExit) {
    List<JsonNode> heartbeats = EventRecords.heartbeats(records);
    assertThat(records).extracting(ConsumerRecord::key).containsOnly("it-egress");
    assertThat(heartbeats).hasSizeGreaterThanOrEqualTo(3);
    JsonNode last = heartbeats.get(heartbeats.size() - 1);
    assertThat(last.path("agent.stopping").asBoolean()).isTrue();
    assertThat(last.path("agent.responses.seen").asLong()).isEqualTo(seenAtExit);
    assertThat(heartbeats.subList(0, heartbeats.size() - 1))
        .allMatch(heartbeat -> !heartbeat.path("agent.stopping").asBoolean());
    for (JsonNode heartbeat : heartbeats) {
      assertThat(heartbeat.path("schema_version").asText()).isEqualTo(SchemaVersion.CURRENT);
      assertThat(heartbeat.path("service.name").asText()).isEqualTo("payments");
      assertThat(heartbeat.path("egress.group").asText()).isEqualTo("it-egress");
      assertThat(heartbeat.path("service.instance.id").asText()).isNotBlank();
      assertThat(heartbeat.path("agent.heartbeat.interval_ms").asLong()).isEqualTo(1000);
      assertThat(heartbeat.path("process.runtime.version").asText())
          .isEqualTo(System.getProperty("java.runtime.version"));
    }
    assertThat(heartbeats).extracting(heartbeat -> heartbeat.path("agent.uptime_ms").asLong())
        .isSorted();
  }

  private static void assertAgentThreadsAreDaemons(List<ThreadSummary> threads,
      List<ThreadSummary> baseline) {
    List<ThreadSummary> agentThreads = threads.stream()
        .filter(thread -> thread.name().contains("statusguard"))
        .toList();
    assertThat(agentThreads).extracting(ThreadSummary::name)
        .contains("statusguard-publisher", "kafka-producer-network-thread | statusguard-agent");
    assertThat(agentThreads).allMatch(ThreadSummary::daemon, "is a daemon");
    assertThat(nonDaemonShapes(threads)).as("non-daemon threads, with and without the agent")
        .isEqualTo(nonDaemonShapes(baseline));
  }

  private static Set<String> nonDaemonShapes(List<ThreadSummary> threads) {
    return threads.stream().filter(thread -> !thread.daemon()).map(ThreadSummary::shape)
        .collect(Collectors.toSet());
  }

  /** The threads of the same application without the agent, seen the same way. */
  private static List<ThreadSummary> threadsWithoutTheAgent() throws Exception {
    Path stopFile = stopFile();
    Started child = ChildJvm.withoutAgent(ChildJvm.CURRENT_JAVA).start("health-without-agent",
        JdkScenarioMain.class, "urlconnection-ok", "3000", "50", stopFile.toString());
    try {
      awaitOutcomes(child, 5);
      List<ThreadSummary> threads;
      try (ChildJmx jmx = ChildJmx.attach(child.pid())) {
        threads = jmx.threads();
      }
      Files.createFile(stopFile);
      assertThat(child.awaitExit().exitCode()).isZero();
      return threads;
    } finally {
      child.kill();
      Files.deleteIfExists(stopFile);
    }
  }

  private static void awaitOutcomes(Started child, int count)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (child.stdoutSoFar().stream().filter(line -> line.startsWith("ok: ")).count() < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("fewer than " + count + " requests within " + WAIT + ": "
            + child.stdoutSoFar());
      }
      Thread.sleep(50);
    }
  }

  private static Path stopFile() throws IOException {
    Path stopFile = Files.createTempFile("statusguard-health", ".stop");
    Files.delete(stopFile);
    return stopFile;
  }
}

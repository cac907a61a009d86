package io.statusguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.Analyzer;
import io.statusguard.analyzer.AnalyzerConfig;
import io.statusguard.demo.ClientLaunch;
import io.statusguard.demo.PaymentsClientProcess;
import io.statusguard.demo.client.Scenario;
import io.statusguard.demo.client.TrafficTally;
import io.statusguard.event.EventTopic;
import io.statusguard.simulator.BlockPolicy;
import io.statusguard.simulator.ProviderSimulator;
import io.statusguard.simulator.SimulatorConfig;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.WithKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away while an instrumented application is busy: the application must not notice.
 * Its calls keep succeeding, the agent says so in exactly one warning line, counts what it drops, and
 * the JVM exits on time.
 */
@WithKafkaBroker
class BrokerOutageEndToEndTest {
  private static final String SERVICE = "payments-outage";
  private static final Pattern SUMMARY = Pattern.compile("\\[statusguard] agent stopped: seen=(\\d+) sent=(\\d+) dropped=(\\d+) .*");
  private static final long FLUSH_TIMEOUT_MS = 2_000;

  @Test
  void stoppingTheBrokerNeitherFailsNorHangsTheApplication(TestKafka kafka) throws Exception {
    kafka.createTopic(EventTopic.DEFAULT_NAME, 1);
    // Steady traffic only, and no block: every call of the client must succeed throughout.
    Scenario steady = new Scenario(12, 10, 0, 1, 0, 3);
    try (ProviderSimulator provider = ProviderSimulator.start(
            SimulatorConfig.defaults().withBlockPolicy(BlockPolicy.never()).withUnknownOutcomeProbability(0));
        Analyzer analyzer = Analyzer.start(AnalyzerConfig.defaults()
            .withBootstrapServers(kafka.bootstrapServers()).withHttpHost("127.0.0.1").withHttpPort(0));
        PaymentsClientProcess client = PaymentsClientProcess.start(
            ClientLaunch.of(Map.of("bootstrap.servers", kafka.bootstrapServers(), "service.name", SERVICE,
                    "flush.timeout.ms", String.valueOf(FLUSH_TIMEOUT_MS)),
                provider.baseUri(), provider.bearerToken(), provider.clientId(), steady),
            line -> {})) {
      awaitFirstEvents(analyzer);
      kafka.stop();

      long tallyAt = awaitTallyLine(client);
      int exitCode = client.waitFor(Duration.ofSeconds(30));
      long exitDelayMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tallyAt);

      assertThat(exitCode).as("stderr %s", client.stderrLines()).isZero();
      Map<String, Long> tally = client.tally();
      assertThat(tally.keySet()).as("every call got an answer: no exception reached the application")
          .noneMatch(key -> key.endsWith(" 0"));
      assertThat(tally.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(120);
      List<String> warnings = client.stderrLines().stream()
          .filter(line -> line.contains("cannot deliver events to Kafka")).toList();
      assertThat(warnings).as("stderr %s", client.stderrLines()).hasSize(1);
      Matcher summary = summaryLine(client);
      assertThat(Long.parseLong(summary.group(1))).isEqualTo(120);
      assertThat(Long.parseLong(summary.group(3))).as("events dropped while the broker was away").isPositive();
      // A generous bound: the flush timeout plus JVM shutdown on a busy machine; a hang would take minutes.
      assertThat(exitDelayMs).isLessThan(FLUSH_TIMEOUT_MS + 10_000);
    }
  }

  private static void awaitFirstEvents(Analyzer analyzer) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (analyzer.snapshot().total() < 10 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    assertThat(analyzer.snapshot().total()).as("events flowed before the outage").isGreaterThanOrEqualTo(10);
  }

  /** Waits until the client printed its tally (its work is done; what follows is the JVM's exit). */
  private static long awaitTallyLine(PaymentsClientProcess client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (client.stdoutLines().stream().anyMatch(line -> line.startsWith(TrafficTally.LINE_PREFIX))) {
        return System.nanoTime();
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    throw new AssertionError("the client did not finish its scenario; stdout " + client.stdoutLines());
  }

  private static Matcher summaryLine(PaymentsClientProcess client) {
    for (String line : client.stderrLines()) {
      Matcher matcher = SUMMARY.matcher(line);
      if (matcher.matches()) {
        return matcher;
      }
    }
    throw new AssertionError("no agent summary line in stderr " + client.stderrLines());
  }
}

package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.Run;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The agent pointed at a Kafka address where nothing listens: the application must not notice,
 * must exit within the flush timeout (plus slack for a loaded machine), and the agent must say so
 * once and count every event as dropped.
 */
class UnreachableKafkaIT {
  private static final long FLUSH_TIMEOUT_MS = 1_000;
  /** Generous: the bound is about the flush timeout, not about speed. */
  private static final long EXIT_SLACK_MS = 3_000;

  @ParameterizedTest(name = "{0} x{1}, {2} ms apart")
  @CsvSource({
      // Exits before Kafka's metadata wait ends: the failure shows at exit.
      "urlconnection-ok, 5, 0",
      // Keeps sending past that wait: the failure shows while the application runs.
      "httpclient-sync-ok, 12, 300",
  })
  void dropsCountsAndWarnsOnceWithoutDelayingTheApplication(String mode, int requests,
      int pauseMillis) throws Exception {
    int deadPort = freePort();
    String[] args = {mode, String.valueOf(requests), String.valueOf(pauseMillis)};

    Run baseline = ChildJvm.withoutAgent(ChildJvm.CURRENT_JAVA)
        .run(mode + "-unreachable-without-agent", JdkScenarioMain.class, args);
    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, "bootstrap.servers=127.0.0.1:" + deadPort
        + ",flush.timeout.ms=" + FLUSH_TIMEOUT_MS)
        .run(mode + "-unreachable", JdkScenarioMain.class, args);

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).hasSize(requests).isEqualTo(baseline.outcomes());
    assertThat(run.otherStderrLines()).isEqualTo(baseline.stderr());
    assertThat(run.exitDelayMillis()).isLessThan(FLUSH_TIMEOUT_MS + EXIT_SLACK_MS);
    assertThat(run.agentLines())
        .filteredOn(line -> line.startsWith("[statusguard] WARN cannot deliver events to Kafka at"
            + " 127.0.0.1:" + deadPort + ": "))
        .singleElement().asString()
        .endsWith("; dropping and counting events until it is reachable");
    assertThat(run.summary()).isEqualTo("[statusguard] agent stopped: seen=" + requests
        + " sent=0 dropped=" + requests + " (queue_full=0 send_failed=" + requests
        + " encode_failed=0)");
    assertThat(run.agentLines()).hasSize(2);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

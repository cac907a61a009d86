package io.statusguard.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.benchmarks.workload.ClientWorkload;
import io.statusguard.benchmarks.workload.LoopbackServer;
import io.statusguard.benchmarks.workload.WorkloadReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

  @Test
  void aWorkloadJvmSaysReadyThenReports(@TempDir Path logs) throws Exception {
    ChildCommands commands = new ChildCommands(Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"), System.getProperty("java.class.path"),
        AgentJars.in(logs), "127.0.0.1:9");
    ChildProcess.Outcome outcome;
    try (LoopbackServer server = LoopbackServer.start()) {
      outcome = ChildProcess.run(commands.workload(AgentSetup.NONE, server.baseUrl(), 10, 1, 0),
          logs.resolve("workload.err"), Duration.ofSeconds(60));
    }

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.nanosUntil(ClientWorkload.READY)).isPositive()
        .isLessThanOrEqualTo(outcome.wallNanos());
    WorkloadReport report = WorkloadReport.parse(outcome.lineStartingWith(WorkloadReport.PREFIX));
    assertThat(report.requests()).isEqualTo(20);
    assertThat(report.failures()).isZero();
  }
}

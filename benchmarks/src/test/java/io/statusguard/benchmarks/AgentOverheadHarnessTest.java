package io.statusguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AgentOverheadHarnessTest {

  @Test
  void readsItsOptions() {
    AgentOverheadHarness harness = new AgentOverheadHarness();
    new CommandLine(harness).parseArgs("--requests=100", "--warmup=10", "--rounds=2",
        "--settle-ms=0", "--jvm-arg=-XX:+UseSerialGC", "--jvm-arg=-Xss512k",
        "--statusguard-agent=/tmp/sg.jar", "--heap=256m");

    assertThat(harness.requests).isEqualTo(100);
    assertThat(harness.warmup).isEqualTo(10);
    assertThat(harness.rounds).isEqualTo(2);
    assertThat(harness.settleMillis).isZero();
    assertThat(harness.jvmArguments).containsExactly("-XX:+UseSerialGC", "-Xss512k");
    assertThat(harness.statusguardAgent).isEqualTo(Path.of("/tmp/sg.jar"));
    assertThat(harness.heap).isEqualTo("256m");
  }

  @Test
  void defaultsToFiveRoundsOfFiveThousandRequests() {
    AgentOverheadHarness harness = new AgentOverheadHarness();
    new CommandLine(harness).parseArgs();

    assertThat(harness.requests).isEqualTo(5000);
    assertThat(harness.rounds).isEqualTo(5);
    assertThat(harness.openTelemetryAgent).isNull();
  }

  @Test
  void rejectsANonPositiveCountWithExitCodeTwo() {
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new AgentOverheadHarness())
        .setErr(new PrintWriter(err))
        .execute("--rounds=0");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("--rounds");
  }

  @Test
  void findsItsBuildDirectory() {
    assertThat(AgentOverheadHarness.buildDirectory().getFileName()).hasToString("target");
  }
}

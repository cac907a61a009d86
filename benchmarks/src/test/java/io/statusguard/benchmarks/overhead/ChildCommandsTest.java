package io.statusguard.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.benchmarks.workload.ClientWorkload;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildCommandsTest {
  private final ChildCommands commands = new ChildCommands(Path.of("/jdk/bin/java"),
      List.of("-Xms512m", "-Xmx512m"), "workload.jar", AgentJars.in(Path.of("/build")),
      "127.0.0.1:9092");

  @Test
  void setupsDifferInTheirAgentArgumentsAlone() {
    List<String> bare = commands.workload(AgentSetup.NONE, "http://127.0.0.1:1", 10, 2, 0);
    List<String> statusguard = commands.workload(AgentSetup.STATUSGUARD, "http://127.0.0.1:1", 10, 2, 0);

    assertThat(bare).containsExactly("/jdk/bin/java", "-Xms512m", "-Xmx512m", "-cp", "workload.jar",
        ClientWorkload.class.getName(), "run", "http://127.0.0.1:1", "10", "2", "0");
    assertThat(statusguard).containsSubsequence("-Xmx512m",
        "-javaagent:/build/agents/statusguard-agent.jar=bootstrap.servers=127.0.0.1:9092,"
            + "service.name=overhead-harness", "-cp");
  }

  @Test
  void openTelemetryRunsWithEveryExporterOff() {
    assertThat(commands.noop(AgentSetup.OPENTELEMETRY)).contains(
        "-javaagent:/build/agents/opentelemetry-javaagent.jar", "-Dotel.traces.exporter=none",
        "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none").endsWith("noop");
  }

  @Test
  void serverTurnsNagleOff() {
    assertThat(commands.server()).contains("-Dsun.net.httpserver.nodelay=true")
        .doesNotContainSequence("-javaagent");
  }
}

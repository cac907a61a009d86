package io.statusguard.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private AnalyzerConfig launched;

  @Test
  void parsesEveryOption() {
    int exitCode = run(Map.of(), "--bootstrap-servers", "k1:9092,k2:9092", "--topic", "events.v1",
        "--group-id", "team-a", "--http-port", "0", "--http-host", "127.0.0.1", "--max-endpoints", "50");

    assertThat(exitCode).isZero();
    assertThat(launched).isEqualTo(new AnalyzerConfig("k1:9092,k2:9092", "events.v1", "team-a", "127.0.0.1", 0, 50));
  }

  @Test
  void usesDefaultsForOptionsNotGiven() {
    run(Map.of(), "--bootstrap-servers", "kafka:9092");

    assertThat(launched).isEqualTo(AnalyzerConfig.defaults().withBootstrapServers("kafka:9092"));
  }

  @Test
  void fallsBackToEnvironmentVariables() {
    int exitCode = run(Map.of(
        "STATUSGUARD_ANALYZER_BOOTSTRAP_SERVERS", "env-kafka:9092",
        "STATUSGUARD_ANALYZER_HTTP_PORT", "9999",
        "STATUSGUARD_ANALYZER_MAX_ENDPOINTS", "7",
        "STATUSGUARD_ANALYZER_GROUP_ID", "env-group"));

    assertThat(exitCode).isZero();
    assertThat(launched).isEqualTo(AnalyzerConfig.defaults()
        .withBootstrapServers("env-kafka:9092").withHttpPort(9999).withMaxEndpoints(7).withGroupId("env-group"));
  }

  @Test
  void prefersTheCommandLineOverTheEnvironment() {
    run(Map.of("STATUSGUARD_ANALYZER_BOOTSTRAP_SERVERS", "env-kafka:9092", "STATUSGUARD_ANALYZER_TOPIC", "env.topic"),
        "--topic", "cli.topic");

    assertThat(launched.topic()).isEqualTo("cli.topic");
    assertThat(launched.bootstrapServers()).isEqualTo("env-kafka:9092");
  }

  @Test
  void exitsWithTwoWhenBootstrapServersAreMissing() {
    int exitCode = run(Map.of());

    assertThat(exitCode).isEqualTo(2);
    assertThat(launched).isNull();
    assertThat(err.toString())
        .contains("Missing required option: '--bootstrap-servers'")
        .contains("STATUSGUARD_ANALYZER_BOOTSTRAP_SERVERS");
  }

  @Test
  void exitsWithTwoOnAValueOfTheWrongType() {
    int exitCode = run(Map.of(), "--bootstrap-servers", "kafka:9092", "--http-port", "http");

    assertThat(exitCode).isEqualTo(2);
    assertThat(launched).isNull();
    assertThat(err.toString()).contains("--http-port").contains("'http' is not an int");
  }

  @Test
  void exitsWithTwoOnAnInvalidEnvironmentValue() {
    int exitCode = run(Map.of("STATUSGUARD_ANALYZER_BOOTSTRAP_SERVERS", "kafka:9092",
        "STATUSGUARD_ANALYZER_MAX_ENDPOINTS", "lots"));

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("--max-endpoints").contains("'lots'");
  }

  @Test
  void exitsWithTwoOnAValueTheConfigRefuses() {
    int exitCode = run(Map.of(), "--bootstrap-servers", "kafka:9092", "--http-port", "70000");

    assertThat(exitCode).isEqualTo(2);
    assertThat(launched).isNull();
    assertThat(err.toString()).contains("Invalid configuration: http port must be between 0 (any free port) and 65535");
  }

  @Test
  void exitsWithTwoOnAnUnknownOption() {
    assertThat(run(Map.of(), "--bootstrap-servers", "kafka:9092", "--verbose")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--verbose'");
  }

  @Test
  void printsHelpNamingTheEnvironmentVariables() {
    int exitCode = run(Map.of(), "--help");

    assertThat(exitCode).isZero();
    assertThat(launched).isNull();
    assertThat(out.toString()).contains("--bootstrap-servers").contains("STATUSGUARD_ANALYZER_HTTP_PORT");
  }

  @Test
  void printsTheVersion() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(out.toString()).startsWith("statusguard-analyzer ");
  }

  @Test
  void returnsTheLaunchersExitCode() {
    int exitCode = AnalyzerMain.execute(new String[] {"--bootstrap-servers", "kafka:9092"}, Map.of(),
        new PrintWriter(out), new PrintWriter(err), config -> 1);

    assertThat(exitCode).isEqualTo(1);
  }

  private int run(Map<String, String> env, String... args) {
    return AnalyzerMain.execute(args, env, new PrintWriter(out, true), new PrintWriter(err, true), config -> {
      launched = config;
      return 0;
    });
  }
}

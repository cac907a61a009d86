package io.statusguard.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalyzerMainTest {
  private static final String VALID_PROFILE = """
      errorModel:
        statuses:
          200:
            class: success
            cause: c
            advice: a
        otherwise: {class: unknown, cause: c, advice: a}
      """;

  @TempDir
  Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private AnalyzerConfig launched;

  @Test
  void parsesEveryOption() {
    int exitCode = run(Map.of(), "--bootstrap-servers", "k1:9092,k2:9092", "--topic", "events.v1",
        "--group-id", "team-a", "--http-port", "0", "--http-host", "127.0.0.1", "--max-endpoints", "50");

    assertThat(exitCode).isZero();
    assertThat(launched).isEqualTo(new AnalyzerConfig("k1:9092,k2:9092", "events.v1", "team-a", "127.0.0.1", 0, 50,
        10_000, 10_000, Duration.ofHours(1), null, null));
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
  void parsesTheNewerOptions() throws Exception {
    Path profile = directory.resolve("profile.yaml");
    Files.writeString(profile, VALID_PROFILE);

    int exitCode = run(Map.of(), "--bootstrap-servers", "kafka:9092", "--max-series", "500", "--max-window-keys",
        "600", "--rebuild-window", "30m", "--profile", profile.toString(), "--dead-letter-topic", "events.dead");

    assertThat(exitCode).isZero();
    assertThat(launched).isEqualTo(AnalyzerConfig.defaults().withBootstrapServers("kafka:9092").withMaxSeries(500)
        .withMaxWindowKeys(600).withRebuildWindow(Duration.ofMinutes(30)).withProfile(profile)
        .withDeadLetterTopic("events.dead"));
  }

  @ParameterizedTest
  @CsvSource({"0, PT0S", "90s, PT1M30S", "45m, PT45M", "1h, PT1H", "PT20M, PT20M", "500ms, PT0.5S"})
  void readsDurationsInShortOrIsoForm(String text, String expected) {
    run(Map.of(), "--bootstrap-servers", "kafka:9092", "--rebuild-window", text);

    assertThat(launched.rebuildWindow()).isEqualTo(Duration.parse(expected));
  }

  @Test
  void exitsWithTwoOnAnUnreadableDuration() {
    assertThat(run(Map.of(), "--bootstrap-servers", "kafka:9092", "--rebuild-window", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("--rebuild-window").contains("'soon' is not a duration such as 90s");
  }

  @Test
  void readsAConfigFileBelowTheEnvironmentAndTheCommandLine() throws Exception {
    Path file = config("""
        # the analyzer's settings
        bootstrap-servers=file-kafka:9092
        topic=file.topic
        group-id=file-group
        http-port=7000
        rebuild-window=10m
        """);

    int exitCode = run(Map.of("STATUSGUARD_ANALYZER_TOPIC", "env.topic"), "--config", file.toString(),
        "--group-id", "cli-group");

    assertThat(exitCode).isZero();
    assertThat(launched).isEqualTo(AnalyzerConfig.defaults().withBootstrapServers("file-kafka:9092")
        .withTopic("env.topic").withGroupId("cli-group").withHttpPort(7000).withRebuildWindow(Duration.ofMinutes(10)));
  }

  @Test
  void findsTheConfigFileThroughTheEnvironmentToo() throws Exception {
    Path file = config("bootstrap-servers=file-kafka:9092\n");

    run(Map.of("STATUSGUARD_ANALYZER_CONFIG", file.toString()));

    assertThat(launched.bootstrapServers()).isEqualTo("file-kafka:9092");
  }

  @Test
  void exitsWithTwoNamingTheFileForAnInvalidValueInIt() throws Exception {
    Path file = config("bootstrap-servers=kafka:9092\nmax-endpoints=lots\n");

    int exitCode = run(Map.of(), "--config=" + file);

    assertThat(exitCode).isEqualTo(2);
    assertThat(launched).isNull();
    assertThat(err.toString()).contains("--max-endpoints").contains("'lots'")
        .contains("set by key 'max-endpoints' in config file " + file);
  }

  @Test
  void exitsWithTwoOnAnUnknownKeyInTheConfigFile() throws Exception {
    Path file = config("bootstrap-servers=kafka:9092\nhtp-port=1\n");

    assertThat(run(Map.of(), "--config", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown key 'htp-port' in config file " + file)
        .contains("known keys: bootstrap-servers, dead-letter-topic, group-id, http-host, http-port");
  }

  @Test
  void exitsWithTwoWhenTheConfigFileIsMissing() {
    Path missing = directory.resolve("missing.properties");

    assertThat(run(Map.of(), "--config", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read config file " + missing);
  }

  @Test
  void namesTheEnvironmentVariableOfAnInvalidValue() {
    run(Map.of("STATUSGUARD_ANALYZER_BOOTSTRAP_SERVERS", "kafka:9092", "STATUSGUARD_ANALYZER_HTTP_PORT", "x"));

    assertThat(err.toString()).contains("(set by environment variable STATUSGUARD_ANALYZER_HTTP_PORT)");
  }

  @Test
  void exitsWithTwoNamingTheLineOfAnInvalidProfile() throws Exception {
    Path profile = directory.resolve("profile.yaml");
    Files.writeString(profile, VALID_PROFILE.replace("class: success", "class: fine"));

    int exitCode = run(Map.of(), "--bootstrap-servers", "kafka:9092", "--profile", profile.toString());

    assertThat(exitCode).isEqualTo(2);
    assertThat(launched).isNull();
    assertThat(err.toString()).contains("invalid provider profile " + profile + ", line 4")
        .contains("unknown class 'fine'");
  }

  @Test
  void exitsWithTwoWhenTheProfileIsMissing() {
    Path missing = directory.resolve("missing.yaml");

    assertThat(run(Map.of(), "--bootstrap-servers", "kafka:9092", "--profile", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read provider profile " + missing);
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

  private Path config(String text) throws Exception {
    Path file = directory.resolve("analyzer.properties");
    Files.writeString(file, text);
    return file;
  }

  private int run(Map<String, String> env, String... args) {
    return AnalyzerMain.execute(args, env, new PrintWriter(out, true), new PrintWriter(err, true), config -> {
      launched = config;
      return 0;
    });
  }
}

package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.Run;
import io.statusguard.agent.testsupport.StubKeystore;
import io.statusguard.kafka.embedded.BrokerOptions;
import io.statusguard.kafka.embedded.KafkaBroker;
import io.statusguard.testing.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's Kafka producer with the security settings it passes through: SASL/PLAIN against a real
 * broker listener that requires it, and SSL (against a plain listener, where the handshake must fail
 * on the network and nowhere else). Each run records every exception the child JVM throws, so that a
 * class the shaded jar left out shows even where Kafka would swallow it on its I/O thread.
 */
class KafkaSecurityIT {
  private static final String TOPIC = "agent-it.sasl";
  private static final String USER = "statusguard";
  private static final String PASSWORD = "sasl-s3cret-pw";
  private static final String SHADED_KAFKA = "io.statusguard.agent.shaded.org.apache.kafka";
  private static KafkaBroker broker;

  @TempDir
  Path folder;

  @BeforeAll
  static void startBrokerWithSaslListener() throws IOException {
    broker = KafkaBroker.start(BrokerOptions.defaults().withSaslPlainUser(USER, PASSWORD));
    broker.createTopic(TOPIC, 1);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void publishesOverSaslPlainWithCredentialsFromTheConfigFile() throws Exception {
    Path file = configFile(broker.saslPlainBootstrapServers(), PASSWORD);
    Path exceptions = folder.resolve("exceptions.log");

    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, "config.file=" + file)
        .withJvmArguments(exceptionLog(exceptions))
        .run("sasl-plain", JdkScenarioMain.class, "httpclient-sync-ok", "20", "250");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).hasSize(20).allMatch(line -> line.startsWith("ok: 200 "));
    assertThat(run.otherStderrLines()).isEmpty();
    Summary summary = Summary.of(run);
    assertThat(summary.seen()).isEqualTo(20);
    long sent = summary.sent();
    assertThat(sent).as("events delivered (a broker that has just started may drop the first)")
        .isPositive();
    try (TopicReader reader = TopicReader.fromBeginning(broker.bootstrapServers(), TOPIC)) {
      List<ConsumerRecord<String, String>> records = reader.readUntil(
          read -> EventRecords.responses(read).size() >= sent, Duration.ofSeconds(60));
      assertThat(EventRecords.responses(records)).hasSize((int) sent);
    }
    assertThat(String.join("\n", run.stderr())).doesNotContain(PASSWORD);
    assertNoClassWasMissing(exceptions);
  }

  @Test
  void aWrongPasswordIsAnOutageThatNeverShowsThePassword() throws Exception {
    String wrong = "wrong-s3cret-pw";
    Path file = configFile(broker.saslPlainBootstrapServers(), wrong);

    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, "config.file=" + file
        + ",flush.timeout.ms=500").run("sasl-plain-wrong-password", JdkScenarioMain.class,
        "httpclient-sync-ok", "3", "0");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).hasSize(3).allMatch(line -> line.startsWith("ok: 200 "));
    assertThat(run.otherStderrLines()).isEmpty();
    assertThat(run.agentLines()).first().asString()
        .startsWith("[statusguard] WARN cannot deliver events to Kafka at "
            + broker.saslPlainBootstrapServers() + ": ");
    assertThat(run.summary()).isEqualTo("[statusguard] agent stopped: seen=3 sent=0 dropped=3"
        + " (queue_full=0 send_failed=3 encode_failed=0)");
    assertThat(String.join("\n", run.stderr())).doesNotContain(wrong, PASSWORD);
  }

  @Test
  void buildsAnSslProducerThatFailsOnlyOnTheNetwork() throws Exception {
    Path exceptions = folder.resolve("ssl-exceptions.log");
    String arguments = "bootstrap.servers=" + broker.bootstrapServers() + ",topic=" + TOPIC
        + ",flush.timeout.ms=500,kafka.security.protocol=SSL,kafka.ssl.truststore.type=PKCS12,"
        + "kafka.ssl.truststore.location=" + StubKeystore.path() + ",kafka.ssl.truststore.password="
        + StubKeystore.PASSWORD;

    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, arguments)
        .withJvmArguments(exceptionLog(exceptions))
        .run("ssl-to-plain-listener", JdkScenarioMain.class, "httpclient-sync-ok", "3", "0");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).hasSize(3).allMatch(line -> line.startsWith("ok: 200 "));
    assertThat(run.otherStderrLines()).isEmpty();
    assertThat(run.agentLines()).noneMatch(line -> line.contains("agent disabled"));
    assertThat(run.agentLines()).first().asString()
        .startsWith("[statusguard] WARN cannot deliver events to Kafka at "
            + broker.bootstrapServers() + ": ");
    assertThat(run.summary()).contains("seen=3 sent=0 dropped=3");
    assertNoClassWasMissing(exceptions);
    // The handshake was tried: the producer was built and reached the network.
    assertThat(exceptionLines(exceptions))
        .anyMatch(line -> line.toLowerCase(Locale.ROOT).contains("ssl"));
  }

  private Path configFile(String servers, String password) throws IOException {
    Path file = folder.resolve("statusguard-" + password + ".properties");
    Files.write(file, List.of(
        "bootstrap.servers=" + servers,
        "topic=" + TOPIC,
        "kafka.security.protocol=SASL_PLAINTEXT",
        "kafka.sasl.mechanism=PLAIN",
        "kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"" + USER + "\" password=\"" + password + "\";"),
        StandardCharsets.UTF_8);
    return file;
  }

  private static String exceptionLog(Path file) {
    return "-Xlog:exceptions=info:file=" + file + ":none";
  }

  private static List<String> exceptionLines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.toList();
    }
  }

  /** No class of the agent's Kafka was missing, nor any class at all failed to link. */
  private static void assertNoClassWasMissing(Path exceptions) throws IOException {
    List<String> lines = exceptionLines(exceptions);
    assertThat(lines).as("exceptions thrown in the child JVM").isNotEmpty();
    assertThat(lines)
        .noneMatch(line -> line.contains("NoClassDefFoundError"))
        .noneMatch(line -> line.contains("ClassNotFoundException") && line.contains(SHADED_KAFKA))
        .noneMatch(line -> line.contains("NoSuchMethodError") && line.contains("statusguard"));
  }
}

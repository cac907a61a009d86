package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.config.InvalidConfigException;
import io.statusguard.agent.config.SecretMask;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryHealthTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final AgentCounters counters = new AgentCounters();
  private final PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final DeliveryHealth health = new DeliveryHealth("k1:9092", counters, err,
      SecretMask.NONE);

  private List<String> lines() {
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void warnsOncePerOutageAndReportsTheRecoveryWithTheDrops() {
    health.onSuccess();
    health.onFailure(new IllegalStateException("Topic not present in metadata after 2000 ms."));
    counters.recordSendFailure();
    health.onFailure(new IllegalStateException("again"));
    counters.recordDropped(DropReason.QUEUE_FULL);
    health.onSuccess();
    health.onSuccess();

    assertThat(lines()).containsExactly(
        "[statusguard] WARN cannot deliver events to Kafka at k1:9092: IllegalStateException: Topic"
            + " not present in metadata after 2000 ms.; dropping and counting events until it is"
            + " reachable",
        "[statusguard] events reach Kafka at k1:9092 again; 2 events were dropped while it was"
            + " not");
    assertThat(health.failing()).isFalse();
    assertThat(health.warned()).isTrue();
  }

  @Test
  void warnsAgainForTheNextOutage() {
    health.onFailure("first");
    health.onSuccess();
    health.onFailure("second");

    assertThat(lines()).hasSize(3);
    assertThat(lines().get(2)).contains(": second;");
  }

  @Test
  void keepsTheCauseOnOneShortLine() {
    String cause =
        health.describe(new RuntimeException("line one\nline two " + "x".repeat(500)));

    assertThat(cause).doesNotContain("\n")
        .hasSizeLessThanOrEqualTo(DeliveryHealth.MAX_CAUSE_LENGTH + 3);
  }

  @Test
  void masksCredentialsThatAFailureQuotes() throws InvalidConfigException {
    AgentConfig config = AgentConfig.parse("bootstrap.servers=k1:9092,kafka.sasl.jaas.config="
        + "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc\""
        + " password=\"hunter2-pw\";", Map.of(), Map.of());
    DeliveryHealth masking = new DeliveryHealth("k1:9092", counters, err, config.secrets());

    masking.onFailure(new IllegalArgumentException("Login failed for hunter2-pw"));

    assertThat(lines()).singleElement().asString()
        .contains("IllegalArgumentException: Login failed for [hidden]")
        .doesNotContain("hunter2");
  }
}

package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.config.InvalidConfigException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/**
 * The loader running from classes, where Kafka is on the agent's own class path. How it unpacks the
 * nested jar of the real agent jar is tested by the integration tests, which attach that jar.
 */
class KafkaClientLoaderTest {
  private final KafkaClientLoader loader =
      new KafkaClientLoader(KafkaClientLoaderTest.class.getClassLoader());

  @Test
  void withoutANestedJarLoadsTheSenderFromTheAgentsOwnClasses() throws InvalidConfigException {
    EventSender sender = loader.newSender(
        AgentConfig.parse("bootstrap.servers=127.0.0.1:9", Map.of(), Map.of()));
    try {
      assertThat(sender.getClass().getName()).isEqualTo(KafkaClientLoader.SENDER_CLASS);
      assertThat(sender.getClass().getClassLoader())
          .isSameAs(KafkaClientLoaderTest.class.getClassLoader());
    } finally {
      sender.close(Duration.ZERO);
    }
  }

  @Test
  void passesOnWhatKafkaThrowsUnwrapped() throws InvalidConfigException {
    AgentConfig config = AgentConfig.parse("bootstrap.servers=127.0.0.1:9,kafka.acks=some",
        Map.of(), Map.of());

    assertThatThrownBy(() -> loader.newSender(config)).isInstanceOf(KafkaException.class)
        .hasMessageContaining("acks");
  }
}

package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.config.InvalidConfigException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {
  @Test
  void keepsTheProducerSmallQuickAndInvisible() throws InvalidConfigException {
    Properties settings = ProducerSettings.of(
        AgentConfig.parse("bootstrap.servers=k1:9092,k2:9092", Map.of(), Map.of()));

    assertThat(settings).containsEntry("bootstrap.servers", "k1:9092,k2:9092")
        .containsEntry("client.id", "statusguard-agent")
        .containsEntry("acks", "1")
        .containsEntry("enable.idempotence", "false")
        .containsEntry("compression.type", "none")
        .containsEntry("buffer.memory", "4194304")
        .containsEntry("max.block.ms", "2000")
        .containsEntry("metric.reporters", "")
        .containsEntry("enable.metrics.push", "false");
  }

  @Test
  void kafkaSettingsOverrideTheAgentsOwn() throws InvalidConfigException {
    Properties settings = ProducerSettings.of(AgentConfig.parse(
        "bootstrap.servers=k1:9092,kafka.acks=all,kafka.security.protocol=SSL", Map.of(),
        Map.of()));

    assertThat(settings).containsEntry("acks", "all").containsEntry("security.protocol", "SSL");
  }
}

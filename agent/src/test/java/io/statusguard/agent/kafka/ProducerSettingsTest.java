package io.statusguard.agent.kafka;

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
        .containsEntry("linger.ms", "200")
        .containsEntry("batch.size", "262144")
        .containsEntry("compression.type", "none")
        .containsEntry("buffer.memory", "4194304")
        .containsEntry("max.block.ms", "2000")
        .containsEntry("metric.reporters", "")
        .containsEntry("enable.metrics.push", "false");
  }

  @Test
  void kafkaSettingsOverrideTheAgentsOwn() throws InvalidConfigException {
    Properties settings = ProducerSettings.of(AgentConfig.parse(
        "bootstrap.servers=k1:9092,kafka.acks=all,kafka.security.protocol=SSL,kafka.linger.ms=5,"
            + "kafka.batch.size=16384", Map.of(), Map.of()));

    assertThat(settings).containsEntry("acks", "all").containsEntry("security.protocol", "SSL")
        .containsEntry("linger.ms", "5").containsEntry("batch.size", "16384");
  }

  @Test
  void pointsKafkaClassNamesAtTheRelocatedCopyTheAgentCarries() {
    String relocated = "io.statusguard.agent.shaded.org.apache.kafka.";
    String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required"
        + " username=\"svc\" password=\"secret-pw\";";

    assertThat(ProducerSettings.toCarriedKafka(jaas, relocated)).isEqualTo(
        "io.statusguard.agent.shaded.org.apache.kafka.common.security.plain.PlainLoginModule"
            + " required username=\"svc\" password=\"secret-pw\";");
    assertThat(ProducerSettings.toCarriedKafka(relocated + "common.Foo", relocated))
        .isEqualTo(relocated + "common.Foo");
    assertThat(ProducerSettings.toCarriedKafka("com.example.org.apache.kafka.Foo", relocated))
        .isEqualTo("com.example.org.apache.kafka.Foo");
    assertThat(ProducerSettings.toCarriedKafka(jaas, ProducerSettings.KAFKA_PACKAGE))
        .isEqualTo(jaas);
  }

  @Test
  void writesKafkasPackageAsUsersDo() {
    assertThat(ProducerSettings.KAFKA_PACKAGE).isEqualTo("org.apache.kafka.");
  }
}

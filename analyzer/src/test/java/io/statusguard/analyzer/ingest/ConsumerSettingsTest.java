package io.statusguard.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class ConsumerSettingsTest {

  /**
   * A fixed 64 KiB socket buffer let a fetch response arrive only while the consumer thread polled, and
   * cost the analyzer a third of its throughput (BENCHMARKS); -1 leaves the size to the operating system.
   */
  @Test
  void leavesTheReceiveBufferToTheOperatingSystem() {
    Properties properties = ConsumerSettings.of("localhost:9092", "events", "analyzer").toProperties();

    assertThat(properties.getProperty(ConsumerConfig.RECEIVE_BUFFER_CONFIG)).isEqualTo("-1");
  }

  @Test
  void commitsByHandAndNeverCreatesTheTopic() {
    Properties properties = ConsumerSettings.of("localhost:9092", "events", "analyzer").toProperties();

    assertThat(properties.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isEqualTo("false");
    assertThat(properties.getProperty(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG)).isEqualTo("false");
  }

  @Test
  void rejectsANegativeRebuildWindow() {
    assertThatThrownBy(() -> new ConsumerSettings("localhost:9092", "events", "analyzer", Duration.ofSeconds(-1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rebuild window");
  }
}

package io.statusguard.agent.pipeline;

import io.statusguard.agent.config.AgentConfig;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka producer settings of the agent: small, quick to give up, invisible in the host application
 * (no JMX reporters, no metrics push), and overridable key by key with {@code kafka.*}.
 */
final class ProducerSettings {
  static final String CLIENT_ID = "statusguard-agent";

  private ProducerSettings() {}

  static Properties of(AgentConfig config) {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    // An event is worth one leader write; exactly-once would cost the app more than a lost event.
    settings.put(ProducerConfig.ACKS_CONFIG, "1");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    settings.put(ProducerConfig.LINGER_MS_CONFIG, "50");
    // The jar carries no compression codecs.
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(4L * 1024 * 1024));
    // Only the publisher thread ever blocks, and not for long: the queue in front of it absorbs bursts.
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
    settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    // The host application's JMX and its broker's telemetry are not ours to fill.
    settings.put(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
    settings.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, "false");
    settings.putAll(config.kafkaProperties());
    return settings;
  }
}

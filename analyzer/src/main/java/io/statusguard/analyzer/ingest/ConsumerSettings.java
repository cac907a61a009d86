package io.statusguard.analyzer.ingest;

import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Where the consumer reads: the brokers, the topic and the consumer group it joins. */
public record ConsumerSettings(String bootstrapServers, String topic, String groupId) {
  /** Bounds what one fetch may hold in memory; the default would allow 50 MiB. */
  private static final int MAX_FETCH_BYTES = 8 * 1024 * 1024;

  public ConsumerSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(groupId, "groupId");
  }

  Properties toProperties() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    // Offsets are committed by hand after each processed batch: at-least-once.
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // A new group reads the topic's history rather than only what arrives after it joined.
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // A reader must not create the topic with broker defaults; the operator creates it with its partitions.
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(MAX_FETCH_BYTES));
    return properties;
  }
}

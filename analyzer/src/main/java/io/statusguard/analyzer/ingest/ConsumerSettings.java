package io.statusguard.analyzer.ingest;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Where the consumer reads (the brokers, the topic and the consumer group it joins), how far back it reads
 * on a partition assignment to rebuild the windows, and where rejected records are copied, if anywhere.
 *
 * @param rebuildWindow how much event history to read back on assignment; zero reads none
 * @param deadLetterTopic the topic for copies of rejected records, or null for none
 */
public record ConsumerSettings(String bootstrapServers, String topic, String groupId, Duration rebuildWindow,
    String deadLetterTopic) {
  public static final Duration DEFAULT_REBUILD_WINDOW = Duration.ofHours(1);

  /** Bounds what one fetch may hold in memory; the default would allow 50 MiB. */
  private static final int MAX_FETCH_BYTES = 8 * 1024 * 1024;

  public ConsumerSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(rebuildWindow, "rebuildWindow");
    if (rebuildWindow.isNegative()) {
      throw new IllegalArgumentException("rebuild window must not be negative, got " + rebuildWindow);
    }
  }

  /** Reads {@code topic} as {@code groupId}, rebuilding an hour of windows, without dead letters. */
  public static ConsumerSettings of(String bootstrapServers, String topic, String groupId) {
    return new ConsumerSettings(bootstrapServers, topic, groupId, DEFAULT_REBUILD_WINDOW, null);
  }

  Properties toProperties() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    // Offsets are committed by hand after each processed batch: at-least-once.
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Every assigned partition is positioned explicitly; this only applies when a position has been
    // deleted by retention meanwhile, and then the oldest record left is the closest.
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // A reader must not create the topic with broker defaults; the operator creates it with its partitions.
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(MAX_FETCH_BYTES));
    return properties;
  }
}

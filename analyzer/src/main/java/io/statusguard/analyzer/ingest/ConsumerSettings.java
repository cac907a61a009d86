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
  /** One partition may fill a fetch: the default 1 MiB holds only about 2,000 events. */
  private static final int MAX_PARTITION_FETCH_BYTES = MAX_FETCH_BYTES;
  /**
   * Records per poll: each poll's batch is handed to the decoding helper and the consumer's status is
   * read, which at the default of 500 records costs more than the records themselves. About 2.6 MB of
   * events.
   */
  private static final int MAX_POLL_RECORDS = 5_000;
  /** The broker answers a fetch once it holds this much, or after {@link #FETCH_MAX_WAIT_MS}. */
  private static final int FETCH_MIN_BYTES = 64 * 1024;
  /** The longest a quiet topic delays an event: a fifth of the default, well below a window's second. */
  private static final int FETCH_MAX_WAIT_MS = 100;
  /**
   * The socket's receive buffer: the operating system's, which grows with the traffic (Linux autotuning),
   * rather than Kafka's fixed 64 KiB. A fetch response arrives only as fast as that buffer is emptied,
   * and the consumer thread empties it only inside poll: with 64 KiB, a response of megabytes trickled in
   * while the thread handed records to the sink, and the analyzer read a quarter fewer events per second
   * (BENCHMARKS, seventh pass).
   */
  static final int RECEIVE_BUFFER_BYTES = -1;

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

  /**
   * The Kafka consumer properties the analyzer reads with, deserializers aside; public so that a
   * benchmark's plain consumer can fetch exactly as the analyzer does.
   */
  public Properties toProperties() {
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
    properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_PARTITION_FETCH_BYTES));
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_POLL_RECORDS));
    properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(FETCH_MIN_BYTES));
    properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Integer.toString(FETCH_MAX_WAIT_MS));
    properties.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, Integer.toString(RECEIVE_BUFFER_BYTES));
    return properties;
  }
}

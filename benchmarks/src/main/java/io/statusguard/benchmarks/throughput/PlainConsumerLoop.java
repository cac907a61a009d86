package io.statusguard.benchmarks.throughput;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ceiling the analyzer is compared with: one consumer in a fresh group, fetching as the analyzer's
 * consumer does, that only counts records and bytes. Stateless.
 */
public final class PlainConsumerLoop {
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  // The analyzer's fetch settings (ConsumerSettings), so that both readers fetch alike.
  private static final int MAX_FETCH_BYTES = 8 * 1024 * 1024;
  private static final int MAX_PARTITION_FETCH_BYTES = MAX_FETCH_BYTES;
  private static final int MAX_POLL_RECORDS = 5_000;
  private static final int FETCH_MIN_BYTES = 64 * 1024;
  private static final int FETCH_MAX_WAIT_MS = 100;
  private static final int RECEIVE_BUFFER_BYTES = -1;

  private PlainConsumerLoop() {}

  /** Reads until {@code expected} records have arrived; throws if that takes longer than {@code timeout}. */
  public static Throughput consume(String bootstrapServers, String topic, String groupId, long expected,
      Duration timeout) {
    Map<String, Object> settings = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(MAX_FETCH_BYTES),
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_PARTITION_FETCH_BYTES),
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_POLL_RECORDS),
        ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(FETCH_MIN_BYTES),
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Integer.toString(FETCH_MAX_WAIT_MS),
        ConsumerConfig.RECEIVE_BUFFER_CONFIG, Integer.toString(RECEIVE_BUFFER_BYTES));
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Consumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      long startNanos = System.nanoTime();
      consumer.subscribe(List.of(topic));
      long records = 0;
      long bytes = 0;
      long firstRecords = -1;
      long firstBytes = 0;
      long firstNanos = 0;
      while (records < expected) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("the plain consumer read " + records + " of " + expected
              + " records within " + timeout);
        }
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL_TIMEOUT);
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          records++;
          bytes += record.serializedValueSize() + Math.max(0, record.serializedKeySize());
        }
        if (firstRecords < 0 && records > 0) {
          firstRecords = records;
          firstBytes = bytes;
          firstNanos = System.nanoTime();
        }
      }
      if (records == firstRecords) {
        // Everything came in the first batch (a small topic): time it from the subscription instead.
        return new Throughput(records, bytes, Math.max(1, firstNanos - startNanos));
      }
      return new Throughput(records - firstRecords, bytes - firstBytes,
          Math.max(1, System.nanoTime() - firstNanos));
    }
  }
}

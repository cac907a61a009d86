package io.statusguard.benchmarks.throughput;

import io.statusguard.analyzer.ingest.ConsumerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
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

  private PlainConsumerLoop() {}

  /** Reads until {@code expected} records have arrived; throws if that takes longer than {@code timeout}. */
  public static Throughput consume(String bootstrapServers, String topic, String groupId, long expected,
      Duration timeout) {
    // The analyzer's own consumer properties, so that both readers fetch alike; this one never commits.
    Properties settings = ConsumerSettings.of(bootstrapServers, topic, groupId).toProperties();
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

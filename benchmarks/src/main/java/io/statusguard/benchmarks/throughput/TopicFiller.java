package io.statusguard.benchmarks.throughput;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the harness's events to the topic, uncompressed as the agent sends them, unkeyed so that they
 * spread over every partition. Stateless.
 */
public final class TopicFiller {
  private TopicFiller() {}

  /** Sends {@code events} records cycling through {@code mix} and waits until all are acknowledged. */
  public static Throughput fill(String bootstrapServers, String topic, long events, List<byte[]> mix) {
    Map<String, Object> settings = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "1",
        ProducerConfig.LINGER_MS_CONFIG, "20",
        ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024),
        ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024),
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
        ProducerConfig.CLIENT_ID_CONFIG, "statusguard-throughput-filler");
    long bytes = 0;
    long startNanos = System.nanoTime();
    try (Producer<byte[], byte[]> producer =
        new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < events; i++) {
        byte[] value = mix.get((int) (i % mix.size()));
        bytes += value.length;
        producer.send(new ProducerRecord<>(topic, value));
      }
      // flush() fails the pending sends' futures rather than throwing; a lost record shows as a reader timeout.
      producer.flush();
    }
    return new Throughput(events, bytes, System.nanoTime() - startNanos);
  }
}

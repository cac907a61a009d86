package io.statusguard.analyzer;

import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records to one topic as the agent does: one at a time, waiting for each to be acknowledged, or in
 * bulk with {@link #writeAsync} and {@link #flush()}. Not thread-safe.
 */
public final class TopicWriter implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final AtomicLong failures = new AtomicLong();

  private TopicWriter(KafkaProducer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  public static TopicWriter open(String bootstrapServers, String topic) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    // Many similar records in the bulk tests: compressed, they cost the broker's disk little.
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new TopicWriter(new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer()), topic);
  }

  /** Sends the event keyed by its egress group, {@code times} times. */
  public void write(ResponseEvent event, int times) {
    for (int i = 0; i < times; i++) {
      write(event.egressGroup(), ResponseEventEncoder.encode(event));
    }
  }

  public void write(String key, String value) {
    write(key, value.getBytes(StandardCharsets.UTF_8));
  }

  public void write(String key, byte[] value) {
    send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
  }

  /** Sends the event keyed by its egress group with {@code timestampMs} as the record's own timestamp. */
  public void writeAt(long timestampMs, ResponseEvent event) {
    send(new ProducerRecord<>(topic, null, timestampMs, event.egressGroup().getBytes(StandardCharsets.UTF_8),
        ResponseEventEncoder.encode(event)));
  }

  /** Sends without waiting; {@link #flush()} waits for every record sent so far. */
  public void writeAsync(String key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value),
        (metadata, e) -> {
          if (e != null) {
            failures.incrementAndGet();
          }
        });
  }

  /** Waits until every record sent is acknowledged; fails if any was not. */
  public void flush() {
    producer.flush();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " records could not be written to " + topic);
    }
  }

  private void send(ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(record).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not write to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}

package io.statusguard.analyzer;

import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes records to one topic as the agent does, waiting for each to be acknowledged. Not thread-safe. */
public final class TopicWriter implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  private TopicWriter(KafkaProducer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  public static TopicWriter open(String bootstrapServers, String topic) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
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
    try {
      producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get(60, TimeUnit.SECONDS);
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

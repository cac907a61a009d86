package io.statusguard.agent.kafka;

import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.pipeline.EventSender;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The agent's Kafka producer as an {@link EventSender}. The agent jar nests this package with the
 * Kafka client it carries, in a class loader of their own; the publisher creates a sender with one
 * reflective call to {@link #create(AgentConfig)} and then knows it only by its interface. Sends run
 * on the publisher thread, completions on Kafka's I/O thread.
 */
public final class KafkaEventSender implements EventSender {
  private final Producer<byte[], byte[]> producer;

  private KafkaEventSender(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  /** A producer for the cluster {@code config} names; throws what Kafka throws for bad settings. */
  public static EventSender create(AgentConfig config) {
    Thread thread = Thread.currentThread();
    ClassLoader caller = thread.getContextClassLoader();
    // Kafka loads what its settings name (a JAAS login module, a callback handler, a partitioner)
    // through the context class loader, and the threads it starts inherit it: while the producer is
    // built, that must be the loader holding Kafka, which the application's loader cannot see.
    thread.setContextClassLoader(KafkaEventSender.class.getClassLoader());
    try {
      return of(new KafkaProducer<>(ProducerSettings.of(config), new ByteArraySerializer(),
          new ByteArraySerializer()));
    } finally {
      thread.setContextClassLoader(caller);
    }
  }

  /** Sends through {@code producer}, e.g. Kafka's {@code MockProducer}. */
  public static EventSender of(Producer<byte[], byte[]> producer) {
    return new KafkaEventSender(producer);
  }

  @Override
  public void send(String topic, byte[] key, byte[] value, Completion completion) {
    producer.send(new ProducerRecord<>(topic, key, value),
        (metadata, failure) -> completion.completed(failure));
  }

  @Override
  public void close(Duration timeout) {
    producer.close(timeout);
  }
}

package io.statusguard.testing;

import io.statusguard.kafka.embedded.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The embedded backend: a {@link KafkaBroker} child JVM. Thread-safe, as KafkaBroker is. */
final class EmbeddedTestKafka implements ManagedKafka {
  private final KafkaBroker broker;

  private EmbeddedTestKafka(KafkaBroker broker) {
    this.broker = broker;
  }

  static EmbeddedTestKafka start() {
    try {
      return new EmbeddedTestKafka(KafkaBroker.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded Kafka broker", e);
    }
  }

  @Override
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void createTopic(String name, int partitions) {
    broker.createTopic(name, partitions);
  }

  @Override
  public void stop() {
    broker.stop();
  }

  @Override
  public void restart() {
    try {
      broker.restart();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not restart the embedded Kafka broker", e);
    }
  }

  @Override
  public void close() {
    broker.close();
  }

  @Override
  public String toString() {
    return "embedded " + broker;
  }
}

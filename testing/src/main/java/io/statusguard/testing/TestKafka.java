package io.statusguard.testing;

/**
 * The Kafka broker of a {@link WithKafkaBroker} test class, injected as a constructor, lifecycle or
 * test method parameter. Thread-safe.
 */
public interface TestKafka {
  /** {@code host:port} for a client's {@code bootstrap.servers}. */
  String bootstrapServers();

  /** Creates a topic with replication factor 1 and returns when it can be written to. */
  void createTopic(String name, int partitions);

  /**
   * Stops the broker, keeping its data, for broker-outage tests. Only the embedded backend supports
   * it; elsewhere the calling test is aborted (reported as skipped).
   */
  void stop();

  /** Starts a stopped broker again on the same address with the same data; see {@link #stop()}. */
  void restart();
}

package io.statusguard.agent.pipeline;

import java.time.Duration;

/**
 * Where the publisher's records go. In the agent this is Kafka, whose client lives in a class loader
 * of its own (see {@link KafkaClientLoader}), so the publisher knows it only through this interface.
 * Called on the publisher thread only; completions run on the sender's own I/O thread.
 */
public interface EventSender {
  /** Hands one record over without waiting for its delivery; {@code completion} learns the outcome. */
  void send(String topic, byte[] key, byte[] value, Completion completion);

  /**
   * Delivers what is buffered for at most {@code timeout}, fails the completions of what is left, and
   * stops the sender's threads.
   */
  void close(Duration timeout);

  /** The outcome of one send. Must be quick and must not throw. */
  interface Completion {
    /** {@code failure} is null when the record was delivered. */
    void completed(Exception failure);
  }
}

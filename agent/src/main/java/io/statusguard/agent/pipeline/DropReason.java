package io.statusguard.agent.pipeline;

/** Why an observed response never reached Kafka. */
public enum DropReason {
  /** The queue was full: the publisher fell behind or Kafka blocked it. */
  QUEUE_FULL("queue_full"),
  /** Kafka refused it, timed out, was unreachable, or the JVM stopped before it was delivered. */
  SEND_FAILED("send_failed"),
  /** No valid event could be built from it (e.g. a target without a host). */
  ENCODE_FAILED("encode_failed");

  private final String label;

  DropReason(String label) {
    this.label = label;
  }

  /** The name used in the exit summary and in metrics. */
  public String label() {
    return label;
  }
}

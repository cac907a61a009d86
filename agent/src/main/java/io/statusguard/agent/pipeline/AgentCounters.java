package io.statusguard.agent.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What the agent did with the responses it saw: sent, sampled out (successes above the sampling
 * limit, which the weight of those sent stands for), or dropped and why. Every response seen ends up
 * sent, sampled out or dropped, except those still on their way; the exit summary counts those as
 * {@code send_failed}. Thread-safe; recording is a striped increment, cheap on application threads.
 */
public final class AgentCounters {
  private final LongAdder seen = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder sendFailures = new LongAdder();
  private final LongAdder heartbeatsSent = new LongAdder();
  private final LongAdder sampledOut = new LongAdder();
  private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
  private volatile IntSupplier queueDepth = () -> 0;
  private volatile LongSupplier templateOverflows = () -> 0;
  private volatile LongSupplier bodiesNotCaptured = () -> 0;

  public AgentCounters() {
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason, new LongAdder());
    }
  }

  void recordSeen() {
    seen.increment();
  }

  void recordSent() {
    sent.increment();
  }

  void recordDropped(DropReason reason) {
    dropped.get(reason).increment();
  }

  /** A send that Kafka rejected or that failed to complete; its event is dropped too. */
  void recordSendFailure() {
    sendFailures.increment();
    dropped.get(DropReason.SEND_FAILED).increment();
  }

  /** A heartbeat Kafka acknowledged; heartbeats are not responses and count nowhere else. */
  void recordHeartbeatSent() {
    heartbeatsSent.increment();
  }

  void reportQueueDepth(IntSupplier depth) {
    this.queueDepth = depth;
  }

  /** A success the sampler left out: no event, no drop. */
  void recordSampledOut() {
    sampledOut.increment();
  }

  void reportTemplateOverflows(LongSupplier overflows) {
    this.templateOverflows = overflows;
  }

  void reportBodiesNotCaptured(LongSupplier notCaptured) {
    this.bodiesNotCaptured = notCaptured;
  }

  /** Responses observed by the instrumentation. */
  public long seen() {
    return seen.sum();
  }

  /** Events Kafka acknowledged. */
  public long sent() {
    return sent.sum();
  }

  public long dropped(DropReason reason) {
    return dropped.get(reason).sum();
  }

  public long droppedTotal() {
    long total = 0;
    for (LongAdder count : dropped.values()) {
      total += count.sum();
    }
    return total;
  }

  /** Sends that failed, whether Kafka answered with an error or the send could not start. */
  public long sendFailures() {
    return sendFailures.sum();
  }

  /** Heartbeats Kafka acknowledged. */
  public long heartbeatsSent() {
    return heartbeatsSent.sum();
  }

  /** Successes that became no event because of sampling. */
  public long sampledOut() {
    return sampledOut.sum();
  }

  /** Responses whose endpoint became {@code /{overflow}}: their host had used up its templates. */
  public long templateOverflows() {
    return templateOverflows.getAsLong();
  }

  /** Error responses reported without their body's details: too many bodies were open at once. */
  public long bodiesNotCaptured() {
    return bodiesNotCaptured.getAsLong();
  }

  /** Observations waiting for the publisher thread. */
  public int queueDepth() {
    return queueDepth.getAsInt();
  }

  /**
   * Responses seen but neither sent, sampled out nor dropped yet: queued, or handed to Kafka and
   * unanswered.
   */
  public long outstanding() {
    return Math.max(0, seen() - sent() - sampledOut() - droppedTotal());
  }

  /**
   * The one line printed when the JVM stops; what is still outstanding then is reported as
   * {@code send_failed}, since it will never be delivered. Sampled-out successes are added at the
   * end, when there are any. End-to-end tests parse this format.
   */
  public String stoppedLine() {
    long outstanding = outstanding();
    long queueFull = dropped(DropReason.QUEUE_FULL);
    long sendFailed = dropped(DropReason.SEND_FAILED) + outstanding;
    long encodeFailed = dropped(DropReason.ENCODE_FAILED);
    long sampled = sampledOut();
    return "[statusguard] agent stopped: seen=" + seen() + " sent=" + sent()
        + " dropped=" + (queueFull + sendFailed + encodeFailed)
        + " (queue_full=" + queueFull + " send_failed=" + sendFailed
        + " encode_failed=" + encodeFailed + ")" + (sampled == 0 ? "" : " sampled_out=" + sampled);
  }
}

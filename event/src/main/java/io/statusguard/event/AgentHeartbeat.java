package io.statusguard.event;

import java.util.Objects;

/**
 * An agent's report on itself, sent every heartbeat interval on the events topic with the same key as
 * its response events (the egress group), so that a reader can tell an agent that sees no traffic
 * from one that is gone. Its counters are cumulative since the agent started; a reader takes
 * differences, and a smaller value than before means the agent restarted.
 *
 * <p>Immutable. It carries no request data, only the agent's identity and counts.
 */
public final class AgentHeartbeat {
  private final long timeUnixMs;
  private final String serviceName;
  private final String instanceId;
  private final String egressGroup;
  private final String agentVersion;
  private final String runtimeVersion;
  private final long uptimeMs;
  private final long intervalMs;
  private final boolean stopping;
  private final long responsesSeen;
  private final long eventsSent;
  private final long droppedQueueFull;
  private final long droppedSendFailed;
  private final long droppedEncodeFailed;
  private final long sendFailures;
  private final long queueDepth;
  private final long successesSampledOut;
  private final long templateOverflows;

  private AgentHeartbeat(Builder b) {
    this.timeUnixMs = b.timeUnixMs;
    this.serviceName = requireText(b.serviceName, "serviceName");
    this.instanceId = requireText(b.instanceId, "instanceId");
    this.egressGroup = requireText(b.egressGroup, "egressGroup");
    this.agentVersion = requireText(b.agentVersion, "agentVersion");
    this.runtimeVersion = requireText(b.runtimeVersion, "runtimeVersion");
    this.uptimeMs = requireNonNegative(b.uptimeMs, "uptimeMs");
    this.intervalMs = b.intervalMs;
    this.stopping = b.stopping;
    this.responsesSeen = requireNonNegative(b.responsesSeen, "responsesSeen");
    this.eventsSent = requireNonNegative(b.eventsSent, "eventsSent");
    this.droppedQueueFull = requireNonNegative(b.droppedQueueFull, "droppedQueueFull");
    this.droppedSendFailed = requireNonNegative(b.droppedSendFailed, "droppedSendFailed");
    this.droppedEncodeFailed = requireNonNegative(b.droppedEncodeFailed, "droppedEncodeFailed");
    this.sendFailures = requireNonNegative(b.sendFailures, "sendFailures");
    this.queueDepth = requireNonNegative(b.queueDepth, "queueDepth");
    this.successesSampledOut = requireNonNegative(b.successesSampledOut, "successesSampledOut");
    this.templateOverflows = requireNonNegative(b.templateOverflows, "templateOverflows");
    if (intervalMs < 1) {
      throw new IllegalArgumentException("intervalMs must be positive: " + intervalMs);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** When the agent took the counts, in milliseconds since the epoch. */
  public long timeUnixMs() {
    return timeUnixMs;
  }

  public String serviceName() {
    return serviceName;
  }

  public String instanceId() {
    return instanceId;
  }

  /** The egress group of the agent's response events, and the record key. */
  public String egressGroup() {
    return egressGroup;
  }

  public String agentVersion() {
    return agentVersion;
  }

  /** The JVM's version, as {@code java.runtime.version} gives it. */
  public String runtimeVersion() {
    return runtimeVersion;
  }

  /** Milliseconds since the agent started, over which the counters accumulated. */
  public long uptimeMs() {
    return uptimeMs;
  }

  /** How often the agent sends a heartbeat: a reader may declare it gone after a few missed ones. */
  public long intervalMs() {
    return intervalMs;
  }

  /** Whether this is the agent's last heartbeat, sent as its JVM stops. */
  public boolean stopping() {
    return stopping;
  }

  /** Responses the agent's instrumentation observed. */
  public long responsesSeen() {
    return responsesSeen;
  }

  /** Response events Kafka acknowledged. */
  public long eventsSent() {
    return eventsSent;
  }

  /** Response events dropped because the agent's queue was full. */
  public long droppedQueueFull() {
    return droppedQueueFull;
  }

  /** Response events dropped because Kafka could not take them. */
  public long droppedSendFailed() {
    return droppedSendFailed;
  }

  /** Responses dropped because no valid event could be built from them. */
  public long droppedEncodeFailed() {
    return droppedEncodeFailed;
  }

  /** Sends Kafka rejected or that failed to complete; each also counts as dropped, send_failed. */
  public long sendFailures() {
    return sendFailures;
  }

  /** Observations waiting in the agent's queue when the counts were taken. */
  public long queueDepth() {
    return queueDepth;
  }

  /** Successes that sampling left out: no event, no drop; the weights of those sent stand for them. */
  public long successesSampledOut() {
    return successesSampledOut;
  }

  /** Responses whose endpoint template became {@code /{overflow}}: their host had used up its templates. */
  public long templateOverflows() {
    return templateOverflows;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AgentHeartbeat)) {
      return false;
    }
    AgentHeartbeat that = (AgentHeartbeat) o;
    return timeUnixMs == that.timeUnixMs
        && uptimeMs == that.uptimeMs
        && intervalMs == that.intervalMs
        && stopping == that.stopping
        && responsesSeen == that.responsesSeen
        && eventsSent == that.eventsSent
        && droppedQueueFull == that.droppedQueueFull
        && droppedSendFailed == that.droppedSendFailed
        && droppedEncodeFailed == that.droppedEncodeFailed
        && sendFailures == that.sendFailures
        && queueDepth == that.queueDepth
        && successesSampledOut == that.successesSampledOut
        && templateOverflows == that.templateOverflows
        && serviceName.equals(that.serviceName)
        && instanceId.equals(that.instanceId)
        && egressGroup.equals(that.egressGroup)
        && agentVersion.equals(that.agentVersion)
        && runtimeVersion.equals(that.runtimeVersion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeUnixMs, serviceName, instanceId, egressGroup, agentVersion,
        runtimeVersion, uptimeMs, intervalMs, stopping, responsesSeen, eventsSent, droppedQueueFull,
        droppedSendFailed, droppedEncodeFailed, sendFailures, queueDepth, successesSampledOut,
        templateOverflows);
  }

  @Override
  public String toString() {
    return "AgentHeartbeat{" + instanceId + (stopping ? " stopping" : "") + ", up " + uptimeMs
        + " ms, seen=" + responsesSeen + " sent=" + eventsSent + " dropped=" + droppedQueueFull
        + '/' + droppedSendFailed + '/' + droppedEncodeFailed + " queued=" + queueDepth
        + ", service=" + serviceName + ", egress=" + egressGroup + '}';
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static long requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }

  /** Collects a heartbeat's values; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private long timeUnixMs;
    private String serviceName;
    private String instanceId;
    private String egressGroup;
    private String agentVersion;
    private String runtimeVersion;
    private long uptimeMs;
    private long intervalMs;
    private boolean stopping;
    private long responsesSeen;
    private long eventsSent;
    private long droppedQueueFull;
    private long droppedSendFailed;
    private long droppedEncodeFailed;
    private long sendFailures;
    private long queueDepth;
    private long successesSampledOut;
    private long templateOverflows;

    private Builder() {}

    public Builder timeUnixMs(long timeUnixMs) {
      this.timeUnixMs = timeUnixMs;
      return this;
    }

    public Builder serviceName(String serviceName) {
      this.serviceName = serviceName;
      return this;
    }

    public Builder instanceId(String instanceId) {
      this.instanceId = instanceId;
      return this;
    }

    public Builder egressGroup(String egressGroup) {
      this.egressGroup = egressGroup;
      return this;
    }

    public Builder agentVersion(String agentVersion) {
      this.agentVersion = agentVersion;
      return this;
    }

    public Builder runtimeVersion(String runtimeVersion) {
      this.runtimeVersion = runtimeVersion;
      return this;
    }

    public Builder uptimeMs(long uptimeMs) {
      this.uptimeMs = uptimeMs;
      return this;
    }

    public Builder intervalMs(long intervalMs) {
      this.intervalMs = intervalMs;
      return this;
    }

    public Builder stopping(boolean stopping) {
      this.stopping = stopping;
      return this;
    }

    public Builder responsesSeen(long responsesSeen) {
      this.responsesSeen = responsesSeen;
      return this;
    }

    public Builder eventsSent(long eventsSent) {
      this.eventsSent = eventsSent;
      return this;
    }

    public Builder droppedQueueFull(long droppedQueueFull) {
      this.droppedQueueFull = droppedQueueFull;
      return this;
    }

    public Builder droppedSendFailed(long droppedSendFailed) {
      this.droppedSendFailed = droppedSendFailed;
      return this;
    }

    public Builder droppedEncodeFailed(long droppedEncodeFailed) {
      this.droppedEncodeFailed = droppedEncodeFailed;
      return this;
    }

    public Builder sendFailures(long sendFailures) {
      this.sendFailures = sendFailures;
      return this;
    }

    public Builder queueDepth(long queueDepth) {
      this.queueDepth = queueDepth;
      return this;
    }

    public Builder successesSampledOut(long successesSampledOut) {
      this.successesSampledOut = successesSampledOut;
      return this;
    }

    public Builder templateOverflows(long templateOverflows) {
      this.templateOverflows = templateOverflows;
      return this;
    }

    /** Returns the heartbeat, or throws {@link IllegalArgumentException} naming the first invalid value. */
    public AgentHeartbeat build() {
      return new AgentHeartbeat(this);
    }
  }
}

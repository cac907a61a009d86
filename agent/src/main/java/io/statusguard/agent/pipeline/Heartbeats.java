package io.statusguard.agent.pipeline;

import io.statusguard.agent.config.AgentConfig;
import io.statusguard.event.AgentHeartbeat;
import java.util.concurrent.TimeUnit;

/**
 * Takes the agent's heartbeats: its identity and cumulative counters at one moment. Which heartbeat is
 * due when is the publisher's business; this only takes them. Confined to the publisher thread.
 */
public final class Heartbeats {
  static final String UNKNOWN_VERSION = "unknown";

  private final String serviceName;
  private final long intervalMs;
  private final String agentVersion;
  private final String runtimeVersion;
  private final long startNanos;
  private final AgentCounters counters;

  private Heartbeats(String serviceName, long intervalMs, String agentVersion,
      String runtimeVersion, long startNanos, AgentCounters counters) {
    this.serviceName = serviceName;
    this.intervalMs = intervalMs;
    this.agentVersion = agentVersion == null || agentVersion.isBlank() ? UNKNOWN_VERSION
        : agentVersion;
    this.runtimeVersion = runtimeVersion == null || runtimeVersion.isBlank() ? UNKNOWN_VERSION
        : runtimeVersion;
    this.startNanos = startNanos;
    this.counters = counters;
  }

  /**
   * The heartbeats {@code config} asks for, of an agent of {@code agentVersion} (null if unknown) that
   * started at {@code startNanos} ({@link System#nanoTime()}).
   */
  public static Heartbeats of(AgentConfig config, AgentCounters counters, String agentVersion,
      long startNanos) {
    return new Heartbeats(config.serviceName(), config.heartbeatIntervalMs(), agentVersion,
        System.getProperty("java.runtime.version"), startNanos, counters);
  }

  /** No heartbeats at all. */
  static Heartbeats none(AgentCounters counters) {
    return every(0, counters);
  }

  /** Heartbeats every {@code intervalMs}, without the configuration's lower bound: for tests. */
  static Heartbeats every(long intervalMs, AgentCounters counters) {
    return new Heartbeats("payments", intervalMs, "test", "test", System.nanoTime(), counters);
  }

  boolean enabled() {
    return intervalMs > 0;
  }

  long intervalNanos() {
    return TimeUnit.MILLISECONDS.toNanos(intervalMs);
  }

  /** The heartbeat of this moment; {@code stopping} on the last one, taken as the JVM stops. */
  AgentHeartbeat take(String instanceId, String egressGroup, boolean stopping) {
    return AgentHeartbeat.builder()
        .timeUnixMs(System.currentTimeMillis())
        .serviceName(serviceName)
        .instanceId(instanceId)
        .egressGroup(egressGroup)
        .agentVersion(agentVersion)
        .runtimeVersion(runtimeVersion)
        .uptimeMs(TimeUnit.NANOSECONDS.toMillis(Math.max(0, System.nanoTime() - startNanos)))
        .intervalMs(intervalMs)
        .stopping(stopping)
        .responsesSeen(counters.seen())
        .eventsSent(counters.sent())
        .droppedQueueFull(counters.dropped(DropReason.QUEUE_FULL))
        .droppedSendFailed(counters.dropped(DropReason.SEND_FAILED))
        .droppedEncodeFailed(counters.dropped(DropReason.ENCODE_FAILED))
        .sendFailures(counters.sendFailures())
        .queueDepth(counters.queueDepth())
        .successesSampledOut(counters.sampledOut())
        .templateOverflows(counters.templateOverflows())
        .build();
  }
}

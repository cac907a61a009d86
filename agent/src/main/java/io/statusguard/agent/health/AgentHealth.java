package io.statusguard.agent.health;

import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.pipeline.AgentCounters;
import io.statusguard.agent.pipeline.DropReason;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes the agent's counters as the MXBean {@value #OBJECT_NAME}. Registering touches the
 * platform MBean server, which starts JMX in a JVM that had not used it: so {@link #register()} is
 * called off the application's startup path, when the publisher first has work, and {@link
 * #unregister()} as the JVM stops. Thread-safe: the getters read striped counters, and registration
 * is serialized.
 */
public final class AgentHealth implements AgentHealthMXBean {
  public static final String OBJECT_NAME = "io.statusguard:type=Agent";

  private final AgentCounters counters;
  private final int queueCapacity;
  private final long heartbeatIntervalMs;
  private final BooleanSupplier deliveryFailing;
  private final long startNanos;
  private final String agentVersion;
  private final PrintStream err;
  private ObjectName registered;

  private AgentHealth(AgentCounters counters, int queueCapacity, long heartbeatIntervalMs,
      BooleanSupplier deliveryFailing, long startNanos, String agentVersion, PrintStream err) {
    this.counters = counters;
    this.queueCapacity = queueCapacity;
    this.heartbeatIntervalMs = heartbeatIntervalMs;
    this.deliveryFailing = deliveryFailing;
    this.startNanos = startNanos;
    this.agentVersion = agentVersion == null ? "unknown" : agentVersion;
    this.err = err;
  }

  /**
   * The health of an agent configured by {@code config} that started at {@code startNanos} ({@link
   * System#nanoTime()}); {@code deliveryFailing} tells whether Kafka currently takes its events.
   */
  public static AgentHealth of(AgentConfig config, AgentCounters counters,
      BooleanSupplier deliveryFailing, long startNanos, String agentVersion, PrintStream err) {
    return new AgentHealth(counters, config.queueCapacity(), config.heartbeatIntervalMs(),
        deliveryFailing, startNanos, agentVersion, err);
  }

  /** Registers the MXBean once; a failure costs one line on {@code err} and nothing else. */
  public synchronized void register() {
    if (registered != null) {
      return;
    }
    try {
      ObjectName name = new ObjectName(OBJECT_NAME);
      platformServer().registerMBean(this, name);
      registered = name;
    } catch (JMException | RuntimeException | Error e) {
      err.println("[statusguard] WARN cannot register the JMX MBean " + OBJECT_NAME + ": "
          + e.getClass().getSimpleName() + "; the heartbeats still carry the agent's health");
    }
  }

  /** Unregisters the MXBean, if it was registered. Never throws. */
  public synchronized void unregister() {
    if (registered == null) {
      return;
    }
    try {
      platformServer().unregisterMBean(registered);
    } catch (JMException | RuntimeException e) {
      // The JVM is stopping: nobody is left to tell.
    }
    registered = null;
  }

  private static MBeanServer platformServer() {
    return ManagementFactory.getPlatformMBeanServer();
  }

  @Override
  public long getResponsesSeen() {
    return counters.seen();
  }

  @Override
  public long getEventsSent() {
    return counters.sent();
  }

  @Override
  public long getEventsDropped() {
    return counters.droppedTotal();
  }

  @Override
  public long getEventsDroppedQueueFull() {
    return counters.dropped(DropReason.QUEUE_FULL);
  }

  @Override
  public long getEventsDroppedSendFailed() {
    return counters.dropped(DropReason.SEND_FAILED);
  }

  @Override
  public long getEventsDroppedEncodeFailed() {
    return counters.dropped(DropReason.ENCODE_FAILED);
  }

  @Override
  public long getSendFailures() {
    return counters.sendFailures();
  }

  @Override
  public long getSuccessesSampledOut() {
    return counters.sampledOut();
  }

  @Override
  public long getTemplateOverflows() {
    return counters.templateOverflows();
  }

  @Override
  public long getErrorBodiesNotCaptured() {
    return counters.bodiesNotCaptured();
  }

  @Override
  public int getQueueDepth() {
    return counters.queueDepth();
  }

  @Override
  public int getQueueCapacity() {
    return queueCapacity;
  }

  @Override
  public long getHeartbeatsSent() {
    return counters.heartbeatsSent();
  }

  @Override
  public long getHeartbeatIntervalMs() {
    return heartbeatIntervalMs;
  }

  @Override
  public boolean isDeliveryFailing() {
    return deliveryFailing.getAsBoolean();
  }

  @Override
  public long getUptimeMs() {
    return TimeUnit.NANOSECONDS.toMillis(Math.max(0, System.nanoTime() - startNanos));
  }

  @Override
  public String getAgentVersion() {
    return agentVersion;
  }
}

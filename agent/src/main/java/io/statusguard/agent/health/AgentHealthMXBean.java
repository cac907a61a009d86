package io.statusguard.agent.health;

/**
 * The agent's health as JMX shows it, under {@value AgentHealth#OBJECT_NAME}: what it saw, sent and
 * dropped (cumulative since it started), and whether Kafka takes its events. The same counts travel
 * in its heartbeats. An MXBean, so that any JMX client reads it with open types only.
 */
public interface AgentHealthMXBean {
  /** Responses (and failed attempts) the instrumentation observed. */
  long getResponsesSeen();

  /** Response events Kafka acknowledged. */
  long getEventsSent();

  /** Response events dropped, for any reason. */
  long getEventsDropped();

  long getEventsDroppedQueueFull();

  long getEventsDroppedSendFailed();

  long getEventsDroppedEncodeFailed();

  /** Sends Kafka rejected or that failed to complete. */
  long getSendFailures();

  /** Successes that became no event because of sampling ({@code sampling.successes.per.second}). */
  long getSuccessesSampledOut();

  /**
   * Responses whose endpoint template became {@code /{overflow}}: their host had used up its
   * {@code templates.max.per.host} distinct templates.
   */
  long getTemplateOverflows();

  /**
   * Error responses whose event left without their body's SC, EC and EM, because too many error
   * bodies were open at once (or, for clients that push bodies, too many on neighbouring slots).
   */
  long getErrorBodiesNotCaptured();

  /** Observations waiting for the publisher thread. */
  int getQueueDepth();

  int getQueueCapacity();

  /** Heartbeats Kafka acknowledged. */
  long getHeartbeatsSent();

  /** How often a heartbeat is sent; 0 when none are. */
  long getHeartbeatIntervalMs();

  /** Whether the last delivery to Kafka failed: events are being dropped until it succeeds again. */
  boolean isDeliveryFailing();

  long getUptimeMs();

  String getAgentVersion();
}

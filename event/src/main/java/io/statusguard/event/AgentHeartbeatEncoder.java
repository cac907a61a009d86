package io.statusguard.event;

import java.nio.charset.StandardCharsets;

/**
 * Writes an {@link AgentHeartbeat} as one compact JSON object (UTF-8), event type {@value
 * EventFields#TYPE_AGENT_HEARTBEAT} of schema version {@link SchemaVersion#CURRENT}, documented in
 * {@code agent-heartbeat-v1.schema.json}. Stateless and thread-safe.
 */
public final class AgentHeartbeatEncoder {
  private AgentHeartbeatEncoder() {}

  public static byte[] encode(AgentHeartbeat heartbeat) {
    JsonObjectWriter json = JsonObjectWriter.withCapacity(640)
        .string(EventFields.SCHEMA_VERSION, SchemaVersion.CURRENT)
        .string(EventFields.EVENT_TYPE, EventFields.TYPE_AGENT_HEARTBEAT)
        .number(EventFields.TIME_UNIX_MS, heartbeat.timeUnixMs())
        .string(EventFields.SERVICE_NAME, heartbeat.serviceName())
        .string(EventFields.SERVICE_INSTANCE_ID, heartbeat.instanceId())
        .string(EventFields.EGRESS_GROUP, heartbeat.egressGroup())
        .string(EventFields.AGENT_VERSION, heartbeat.agentVersion())
        .string(EventFields.PROCESS_RUNTIME_VERSION, heartbeat.runtimeVersion())
        .number(EventFields.AGENT_UPTIME_MS, heartbeat.uptimeMs())
        .number(EventFields.HEARTBEAT_INTERVAL_MS, heartbeat.intervalMs())
        .bool(EventFields.AGENT_STOPPING, heartbeat.stopping())
        .number(EventFields.RESPONSES_SEEN, heartbeat.responsesSeen())
        .number(EventFields.EVENTS_SENT, heartbeat.eventsSent())
        .number(EventFields.EVENTS_DROPPED_QUEUE_FULL, heartbeat.droppedQueueFull())
        .number(EventFields.EVENTS_DROPPED_SEND_FAILED, heartbeat.droppedSendFailed())
        .number(EventFields.EVENTS_DROPPED_ENCODE_FAILED, heartbeat.droppedEncodeFailed())
        .number(EventFields.SEND_FAILURES, heartbeat.sendFailures())
        .number(EventFields.QUEUE_DEPTH, heartbeat.queueDepth());
    // Optional keys of 1.1: absent meaning 0, so that an agent without sampling writes what 1.0 did.
    if (heartbeat.successesSampledOut() > 0) {
      json.number(EventFields.SUCCESSES_SAMPLED_OUT, heartbeat.successesSampledOut());
    }
    if (heartbeat.templateOverflows() > 0) {
      json.number(EventFields.TEMPLATE_OVERFLOWS, heartbeat.templateOverflows());
    }
    return json.finish();
  }

  /** The JSON that {@link #encode} writes, as text. */
  public static String toJson(AgentHeartbeat heartbeat) {
    return new String(encode(heartbeat), StandardCharsets.UTF_8);
  }
}

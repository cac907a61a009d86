package io.statusguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentHeartbeatEncoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static AgentHeartbeat.Builder heartbeat() {
    return AgentHeartbeat.builder()
        .timeUnixMs(1_790_000_000_123L)
        .serviceName("payments")
        .instanceId("host-1:4242")
        .egressGroup("203.0.113.7")
        .agentVersion("0.1.0")
        .runtimeVersion("17.0.12+7")
        .uptimeMs(60_000)
        .intervalMs(10_000)
        .responsesSeen(120)
        .eventsSent(100)
        .droppedQueueFull(3)
        .droppedSendFailed(15)
        .droppedEncodeFailed(1)
        .sendFailures(12)
        .queueDepth(1);
  }

  @Test
  void writesEveryKeyTheSchemaRequiresAndNoOther() throws Exception {
    JsonNode written = JSON.readTree(AgentHeartbeatEncoder.encode(heartbeat().build()));
    JsonNode schema = schema();
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(node -> required.add(node.asText()));
    List<String> keys = new ArrayList<>();
    written.fieldNames().forEachRemaining(keys::add);

    assertThat(keys).containsExactlyInAnyOrderElementsOf(required);
    keys.forEach(key -> assertThat(schema.get("properties").has(key)).as(key).isTrue());
  }

  @Test
  void writesTheCountersAndIdentityAsTheSchemaNamesThem() throws Exception {
    JsonNode written =
        JSON.readTree(AgentHeartbeatEncoder.encode(heartbeat().stopping(true).build()));

    assertThat(written.get(EventFields.SCHEMA_VERSION).asText()).isEqualTo(SchemaVersion.CURRENT);
    assertThat(written.get(EventFields.EVENT_TYPE).asText()).isEqualTo("agent.heartbeat");
    assertThat(written.get(EventFields.EGRESS_GROUP).asText()).isEqualTo("203.0.113.7");
    assertThat(written.get(EventFields.PROCESS_RUNTIME_VERSION).asText()).isEqualTo("17.0.12+7");
    assertThat(written.get(EventFields.AGENT_STOPPING).isBoolean()).isTrue();
    assertThat(written.get(EventFields.AGENT_STOPPING).asBoolean()).isTrue();
    assertThat(written.get(EventFields.HEARTBEAT_INTERVAL_MS).asLong()).isEqualTo(10_000);
    assertThat(written.get(EventFields.RESPONSES_SEEN).asLong()).isEqualTo(120);
    assertThat(written.get(EventFields.EVENTS_SENT).asLong()).isEqualTo(100);
    assertThat(written.get(EventFields.EVENTS_DROPPED_QUEUE_FULL).asLong()).isEqualTo(3);
    assertThat(written.get(EventFields.EVENTS_DROPPED_SEND_FAILED).asLong()).isEqualTo(15);
    assertThat(written.get(EventFields.EVENTS_DROPPED_ENCODE_FAILED).asLong()).isEqualTo(1);
    assertThat(written.get(EventFields.SEND_FAILURES).asLong()).isEqualTo(12);
    assertThat(written.get(EventFields.QUEUE_DEPTH).asLong()).isEqualTo(1);
  }

  @Test
  void writesTheOptionalSamplingAndOverflowCountsOnlyWhenThereAreAny() throws Exception {
    JsonNode written = JSON.readTree(AgentHeartbeatEncoder.encode(
        heartbeat().successesSampledOut(900).templateOverflows(7).build()));
    JsonNode properties = schema().get("properties");

    assertThat(written.get(EventFields.SUCCESSES_SAMPLED_OUT).asLong()).isEqualTo(900);
    assertThat(written.get(EventFields.TEMPLATE_OVERFLOWS).asLong()).isEqualTo(7);
    assertThat(properties.has(EventFields.SUCCESSES_SAMPLED_OUT)).isTrue();
    assertThat(properties.has(EventFields.TEMPLATE_OVERFLOWS)).isTrue();
    assertThat(JSON.readTree(AgentHeartbeatEncoder.encode(heartbeat().build()))
        .has(EventFields.SUCCESSES_SAMPLED_OUT)).isFalse();
  }

  @Test
  void escapesIdentityValuesLikeTheResponseEvent() throws Exception {
    String hostile = "svc\"\\\n\u0001";
    JsonNode written =
        JSON.readTree(AgentHeartbeatEncoder.encode(heartbeat().serviceName(hostile).build()));

    assertThat(written.get(EventFields.SERVICE_NAME).asText()).isEqualTo(hostile);
  }

  @Test
  void rejectsANegativeCounter() {
    assertThatThrownBy(() -> heartbeat().droppedSendFailed(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("droppedSendFailed");
  }

  @Test
  void rejectsAHeartbeatWithoutItsInterval() {
    assertThatThrownBy(() -> heartbeat().intervalMs(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intervalMs");
  }

  @Test
  void rejectsAHeartbeatWithoutAnEgressGroup() {
    assertThatThrownBy(() -> heartbeat().egressGroup(null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("egressGroup");
  }

  private static JsonNode schema() throws Exception {
    try (InputStream in =
        AgentHeartbeat.class.getResourceAsStream("agent-heartbeat-v1.schema.json")) {
      return JSON.readTree(in);
    }
  }
}

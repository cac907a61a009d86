package io.statusguard.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusguard.agent.testsupport.PublishedEvent;
import io.statusguard.event.EventFields;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Sorts what the agent published by event type: its response events and its heartbeats share one
 * topic and one key. Stateless.
 */
final class EventRecords {
  private EventRecords() {}

  static String type(ConsumerRecord<String, String> record) {
    return PublishedEvent.tree(record.value()).path(EventFields.EVENT_TYPE).asText();
  }

  static List<ConsumerRecord<String, String>> responses(
      List<ConsumerRecord<String, String>> records) {
    return records.stream().filter(record -> PublishedEvent.isResponse(record.value())).toList();
  }

  static List<JsonNode> heartbeats(List<ConsumerRecord<String, String>> records) {
    return records.stream()
        .filter(record -> EventFields.TYPE_AGENT_HEARTBEAT.equals(type(record)))
        .map(record -> PublishedEvent.tree(record.value()))
        .toList();
  }
}

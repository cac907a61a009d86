package io.statusguard.analyzer.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.statusguard.analyzer.domain.agent.AgentSighting;
import io.statusguard.analyzer.domain.agent.AgentsSnapshot;
import io.statusguard.analyzer.domain.window.SeriesKey;
import io.statusguard.analyzer.domain.window.SeriesRates;
import io.statusguard.analyzer.domain.window.WindowSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the API's JSON documents field by field, so that the documented shape is this code rather than
 * whatever a domain type's accessors happen to be. Stateless and thread-safe.
 */
final class ApiDocuments {
  private static final JsonFactory JSON = new JsonFactory();

  private ApiDocuments() {}

  static byte[] endpoints(WindowSnapshot snapshot, EndpointFilter filter) {
    return write(json -> {
      json.writeStartObject();
      json.writeStringField("time", snapshot.time().toString());
      json.writeNumberField("retention_seconds", snapshot.retention().toSeconds());
      json.writeArrayFieldStart("endpoints");
      for (SeriesRates series : snapshot.series()) {
        if (filter.matches(series)) {
          endpoint(json, series);
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  static byte[] agents(AgentsSnapshot snapshot) {
    return write(json -> {
      json.writeStartObject();
      json.writeStringField("time", snapshot.time().toString());
      json.writeArrayFieldStart("agents");
      for (AgentSighting agent : snapshot.agents()) {
        json.writeStartObject();
        json.writeStringField("service", agent.service());
        json.writeStringField("instance", agent.instance());
        json.writeStringField("egress_group", agent.egressGroup());
        json.writeStringField("client_library", agent.clientLibrary());
        json.writeStringField("first_seen", agent.firstSeen().toString());
        json.writeStringField("last_seen", agent.lastSeen().toString());
        json.writeStringField("seen_in", "events");
        // Filled once agents send heartbeats; present now so that clients can rely on the key.
        json.writeNullField("heartbeat");
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  static byte[] error(String message) {
    return write(json -> {
      json.writeStartObject();
      json.writeStringField("error", message);
      json.writeEndObject();
    });
  }

  private static void endpoint(JsonGenerator json, SeriesRates series) throws IOException {
    SeriesKey key = series.key();
    json.writeStartObject();
    json.writeStringField("service", key.service());
    json.writeStringField("egress_group", key.egressGroup());
    json.writeStringField("method", key.method());
    json.writeStringField("operation", key.operation());
    json.writeStringField("endpoint", key.endpoint());
    json.writeNumberField("status", key.status());
    json.writeStringField("class", key.statusClass().wireName());
    json.writeStringField("cause", series.classification().cause());
    json.writeStringField("advice", series.classification().advice());
    json.writeObjectFieldStart("rate_per_second");
    json.writeNumberField("10s", series.rates().last10s());
    json.writeNumberField("1m", series.rates().last1m());
    json.writeNumberField("5m", series.rates().last5m());
    json.writeEndObject();
    json.writeNumberField("events_in_retention", series.eventsInRetention());
    json.writeStringField("last_event_time", series.lastEventTime().toString());
    json.writeEndObject();
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      body.writeTo(json);
    } catch (IOException e) {
      // Writing to memory fails only on a bug.
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @FunctionalInterface
  private interface Body {
    void writeTo(JsonGenerator json) throws IOException;
  }
}

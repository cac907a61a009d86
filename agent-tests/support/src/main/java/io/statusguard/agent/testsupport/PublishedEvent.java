package io.statusguard.agent.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a published event that identify a response, decoded from the record value: what the
 * integration tests compare exactly. Timing and identity fields are checked separately.
 */
public record PublishedEvent(String library, String method, String scheme, String host, int port,
    String template, String operation, List<String> queryNames, int status, String errorType) {
  /** The {@code event.type} of response events; the topic also carries the agent's heartbeats. */
  public static final String RESPONSE_TYPE = "http.response";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether the record value is a response event (rather than, say, a heartbeat). */
  public static boolean isResponse(String value) {
    return RESPONSE_TYPE.equals(tree(value).path("event.type").asText());
  }

  public static PublishedEvent decode(String value) {
    try {
      JsonNode node = JSON.readTree(value);
      List<String> names = new ArrayList<>();
      node.path("url.query.names").forEach(name -> names.add(name.asText()));
      return new PublishedEvent(node.path("client.library").asText(),
          node.path("http.request.method").asText(), node.path("url.scheme").asText(),
          node.path("server.address").asText(),
          node.path("server.port").asInt(), node.path("url.template").asText(),
          node.hasNonNull("operation.name") ? node.get("operation.name").asText() : null,
          List.copyOf(names), node.path("http.response.status_code").asInt(),
          node.hasNonNull("error.type") ? node.get("error.type").asText() : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode tree(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every string value of an event but its instance ID: where a piece of a leaked secret would hide. The
   * default instance ID is host:pid, and a PID may hold any digits (a run with PID 4111 once failed a
   * check for "4111").
   */
  public static List<String> textValuesBesideTheInstanceId(JsonNode event) {
    JsonNode rest = event.deepCopy();
    if (rest instanceof ObjectNode) {
      ((ObjectNode) rest).remove("service.instance.id");
    }
    return textValues(rest);
  }

  /** Every string value anywhere in {@code node}: where a leaked secret would hide in a record. */
  public static List<String> textValues(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    node.forEach(child -> texts.addAll(textValues(child)));
    return texts;
  }
}

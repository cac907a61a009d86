package io.statusguard.simulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** A parsed request body, or {@link #NONE}. Read-only: operations never change what the client sent. */
public final class RequestBody {
  public static final RequestBody NONE = new RequestBody(null);

  private final ObjectNode json;

  private RequestBody(ObjectNode json) {
    this.json = json;
  }

  public static RequestBody of(ObjectNode json) {
    return new RequestBody(json.deepCopy());
  }

  public boolean isPresent() {
    return json != null;
  }

  /**
   * The text of a string or number at {@code path} (e.g. {@code "card", "accountNumber"}), or empty when
   * it is absent or of another kind.
   */
  public Optional<String> text(String... path) {
    return node(path).filter(n -> n.isTextual() || n.isNumber()).map(JsonNode::asText);
  }

  /** Whether {@code path} holds an object. */
  public boolean hasObject(String... path) {
    return node(path).filter(JsonNode::isObject).isPresent();
  }

  private Optional<JsonNode> node(String... path) {
    JsonNode node = json;
    for (String name : path) {
      if (node == null) {
        return Optional.empty();
      }
      node = node.get(name);
    }
    return Optional.ofNullable(node).filter(n -> !n.isNull());
  }
}

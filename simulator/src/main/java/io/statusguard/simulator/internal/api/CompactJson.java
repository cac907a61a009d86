package io.statusguard.simulator.internal.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The provider's wire format: JSON objects packed without whitespace between tokens. Reads request
 * bodies strictly and writes replies compactly. Thread-safe (the mapper is configured once, then shared).
 */
public final class CompactJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private CompactJson() {}

  /** A new, empty object to fill with reply fields. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns the body as an object, or empty when it is not JSON, not an object or not packed. */
  public static Optional<ObjectNode> parseObject(String body) {
    if (!isPacked(body)) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node instanceof ObjectNode ? Optional.of((ObjectNode) node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Whether no whitespace stands outside string literals: the provider rejects pretty-printed bodies. */
  static boolean isPacked(String json) {
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serializes", e);
    }
  }
}

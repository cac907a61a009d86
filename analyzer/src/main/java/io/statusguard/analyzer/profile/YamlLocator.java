package io.statusguard.analyzer.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * Finds the line of a path such as {@code errorModel.statuses.200.cause} in a YAML document: where the
 * key at the end of the path is, or, when that key is missing, where the deepest part of the path that
 * exists is. Jackson reports a mistake found while building an object at the object's end; this points
 * at the object itself. Stateless.
 */
final class YamlLocator {
  private YamlLocator() {}

  /** Returns the 1-based line of the longest prefix of {@code path} present in {@code yaml}, or -1. */
  static int lineOf(JsonFactory yamlFactory, byte[] yaml, List<String> path) {
    for (int length = path.size(); length > 0; length--) {
      int line = find(yamlFactory, yaml, path.subList(0, length));
      if (line > 0) {
        return line;
      }
    }
    return -1;
  }

  private static int find(JsonFactory yamlFactory, byte[] yaml, List<String> path) {
    try (JsonParser parser = yamlFactory.createParser(yaml)) {
      return parser.nextToken() == null ? -1 : find(parser, path, 0);
    } catch (IOException e) {
      // The document was readable up to the mistake being located; past it, the line is unknown.
      return -1;
    }
  }

  /** With the parser on the first token of a value, finds {@code path[depth..]} within it. */
  private static int find(JsonParser parser, List<String> path, int depth) throws IOException {
    String wanted = path.get(depth);
    boolean last = depth == path.size() - 1;
    if (parser.currentToken() == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int keyLine = parser.currentTokenLocation().getLineNr();
        boolean match = wanted.equals(parser.currentName());
        parser.nextToken();
        if (match) {
          return last ? keyLine : find(parser, path, depth + 1);
        }
        parser.skipChildren();
      }
    } else if (parser.currentToken() == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY && parser.currentToken() != null) {
        if (Integer.toString(index++).equals(wanted)) {
          return last ? parser.currentTokenLocation().getLineNr() : find(parser, path, depth + 1);
        }
        parser.skipChildren();
      }
    }
    return -1;
  }
}

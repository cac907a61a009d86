package io.statusguard.event;

import java.util.List;

/**
 * Writes one flat JSON object, key by key, in the order called: the JSON code every event encoder
 * shares, so that escaping and number formatting are written once. Absent optional values are left
 * out rather than written as null. Not thread-safe; one instance per object written.
 */
final class JsonObjectWriter {
  private final StringBuilder out;
  private boolean first = true;

  private JsonObjectWriter(int capacity) {
    this.out = new StringBuilder(capacity).append('{');
  }

  /** A writer whose buffer starts with room for {@code capacity} characters. */
  static JsonObjectWriter withCapacity(int capacity) {
    return new JsonObjectWriter(capacity);
  }

  JsonObjectWriter string(String key, String value) {
    key(key);
    quoted(value);
    return this;
  }

  /** Writes the pair unless {@code value} is null. */
  JsonObjectWriter optionalString(String key, String value) {
    return value == null ? this : string(key, value);
  }

  JsonObjectWriter number(String key, long value) {
    key(key);
    out.append(value);
    return this;
  }

  /** Writes a whole number without a fraction ({@code 1}, not {@code 1.0}), any other as Java does. */
  JsonObjectWriter number(String key, double value) {
    key(key);
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value);
    } else {
      out.append(value);
    }
    return this;
  }

  JsonObjectWriter bool(String key, boolean value) {
    key(key);
    out.append(value);
    return this;
  }

  /** Writes the array unless {@code values} is empty. */
  JsonObjectWriter optionalStringArray(String key, List<String> values) {
    if (values.isEmpty()) {
      return this;
    }
    key(key);
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      quoted(values.get(i));
    }
    out.append(']');
    return this;
  }

  /** Closes the object and returns it; the writer must not be used afterwards. */
  String finish() {
    return out.append('}').toString();
  }

  private void key(String key) {
    if (!first) {
      out.append(',');
    }
    first = false;
    // Keys are the constants of EventFields: nothing in them needs escaping.
    out.append('"').append(key).append("\":");
  }

  private void quoted(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          // U+2028 and U+2029 are valid JSON but end a line in JavaScript and in some log viewers.
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}

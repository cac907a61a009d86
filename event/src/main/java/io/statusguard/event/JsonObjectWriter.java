package io.statusguard.event;

import java.util.Arrays;
import java.util.List;

/**
 * Writes one flat JSON object, key by key, in the order called, straight into UTF-8 bytes: the JSON code
 * every event encoder shares, so that escaping and number formatting are written once. Absent optional
 * values are left out rather than written as null. An event is written with one buffer and one copy, no
 * intermediate string: the agent encodes one per response. Not thread-safe; one instance per object
 * written.
 */
final class JsonObjectWriter {
  private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

  private byte[] out;
  private int length;
  private boolean first = true;

  private JsonObjectWriter(int capacity) {
    this.out = new byte[Math.max(capacity, 16)];
    out[length++] = '{';
  }

  /** A writer whose buffer starts with room for {@code capacity} bytes. */
  static JsonObjectWriter withCapacity(int capacity) {
    return new JsonObjectWriter(capacity);
  }

  /**
   * Starts the next object in the same buffer, dropping what was written: for a writer that encodes one
   * object after another, so that only each object's copy ({@link #finish}) is allocated.
   */
  JsonObjectWriter restart() {
    length = 0;
    first = true;
    out[length++] = '{';
    return this;
  }

  JsonObjectWriter string(String key, String value) {
    key(key);
    quoted(value, /* repeats= */ true);
    return this;
  }

  /**
   * As {@link #optionalString}, for a value that differs in nearly every object (an ID): it is not worth
   * remembering, and remembering it would only push out values that repeat.
   */
  JsonObjectWriter optionalUniqueString(String key, String value) {
    if (value != null) {
      key(key);
      quoted(value, /* repeats= */ false);
    }
    return this;
  }

  /** Writes the pair unless {@code value} is null. */
  JsonObjectWriter optionalString(String key, String value) {
    return value == null ? this : string(key, value);
  }

  JsonObjectWriter number(String key, long value) {
    key(key);
    digits(value);
    return this;
  }

  /** Writes a whole number without a fraction ({@code 1}, not {@code 1.0}), any other as Java does. */
  JsonObjectWriter number(String key, double value) {
    key(key);
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      digits((long) value);
    } else {
      ascii(Double.toString(value));
    }
    return this;
  }

  JsonObjectWriter bool(String key, boolean value) {
    key(key);
    ascii(value ? "true" : "false");
    return this;
  }

  /** Writes the array unless {@code values} is empty. */
  JsonObjectWriter optionalStringArray(String key, List<String> values) {
    if (values.isEmpty()) {
      return this;
    }
    key(key);
    put('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        put(',');
      }
      quoted(values.get(i), /* repeats= */ true);
    }
    put(']');
    return this;
  }

  /** Closes the object and returns it as UTF-8; the writer must not be used again until {@link #restart}. */
  byte[] finish() {
    put('}');
    return Arrays.copyOf(out, length);
  }

  private void key(String key) {
    if (!first) {
      put(',');
    }
    first = false;
    quoted(key, /* repeats= */ true);
    put(':');
  }

  private void quoted(String value, boolean repeats) {
    byte[] known = repeats ? QuotedStrings.get(value) : null;
    if (known != null) {
      ensure(known.length);
      System.arraycopy(known, 0, out, length, known.length);
      length += known.length;
      return;
    }
    int start = length;
    // Room for the plain ASCII most values are; anything else goes through put, which grows the buffer.
    ensure(value.length() + 2);
    out[length++] = '"';
    int i = 0;
    for (char c; i < value.length() && isPlain(c = value.charAt(i)); i++) {
      out[length++] = (byte) c;
    }
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isPlain(c)) {
        put(c);
      } else if (c < 0x80 || c == 0x2028 || c == 0x2029) {
        escaped(c);
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        utf8(Character.toCodePoint(c, value.charAt(++i)));
      } else {
        // A lone surrogate has no UTF-8 form: written as '?', as String.getBytes writes it.
        utf8(Character.isSurrogate(c) ? '?' : c);
      }
    }
    put('"');
    if (repeats) {
      QuotedStrings.put(value, out, start, length);
    }
  }

  /** An ASCII character that JSON takes as it is. */
  private static boolean isPlain(char c) {
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
  }

  /** A character JSON requires escaped, or one that ends a line in JavaScript and in some log viewers. */
  private void escaped(char c) {
    put('\\');
    switch (c) {
      case '"':
      case '\\':
        put(c);
        break;
      case '\n':
        put('n');
        break;
      case '\r':
        put('r');
        break;
      case '\t':
        put('t');
        break;
      default:
        put('u');
        for (int shift = 12; shift >= 0; shift -= 4) {
          put(HEX[(c >> shift) & 0xF]);
        }
    }
  }

  private void utf8(int codePoint) {
    if (codePoint < 0x80) {
      put(codePoint);
    } else if (codePoint < 0x800) {
      put(0xC0 | codePoint >> 6);
      put(0x80 | codePoint & 0x3F);
    } else if (codePoint < 0x10000) {
      put(0xE0 | codePoint >> 12);
      put(0x80 | codePoint >> 6 & 0x3F);
      put(0x80 | codePoint & 0x3F);
    } else {
      put(0xF0 | codePoint >> 18);
      put(0x80 | codePoint >> 12 & 0x3F);
      put(0x80 | codePoint >> 6 & 0x3F);
      put(0x80 | codePoint & 0x3F);
    }
  }

  private void digits(long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        ascii(Long.toString(value));
        return;
      }
      put('-');
      value = -value;
    }
    // A long has at most 19 digits: one capacity check for all of them.
    ensure(19);
    int start = length;
    do {
      out[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    // Written least significant digit first.
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte digit = out[i];
      out[i] = out[j];
      out[j] = digit;
    }
  }

  private void ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      put(text.charAt(i));
    }
  }

  private void put(int b) {
    ensure(1);
    out[length++] = (byte) b;
  }

  private void ensure(int room) {
    if (length + room > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, length + room));
    }
  }
}

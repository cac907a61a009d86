package io.statusguard.event;

import java.util.Arrays;

/**
 * The JSON forms (quoted, escaped, UTF-8) of strings written lately. Consecutive events repeat most of
 * their strings byte for byte (every key, the service's name, the host, the endpoint's template, the
 * content type), so a string written before is copied from here in one step instead of being encoded a
 * character at a time.
 *
 * <p>A fixed table of {@value #SLOTS} slots in pairs: a string may sit in either slot of its pair, the
 * latest in the first, so two busy strings whose hashes meet do not evict each other. Strings longer
 * than {@value #MAX_LENGTH} characters are never held, which bounds the table's footprint whatever the
 * input. Thread-safe without locks: slots are read and written racily, which is safe because an entry
 * is immutable and published through its final fields.
 */
final class QuotedStrings {
  static final int MAX_LENGTH = 64;
  private static final int SLOTS = 512;
  private static final Entry[] slots = new Entry[SLOTS];

  private QuotedStrings() {}

  private static final class Entry {
    final String value;
    final byte[] quoted;

    Entry(String value, byte[] quoted) {
      this.value = value;
      this.quoted = quoted;
    }
  }

  /** The JSON form of {@code value} when it was remembered lately, or null. */
  static byte[] get(String value) {
    int slot = slotOf(value);
    Entry held = slots[slot];
    // String.equals answers at once for the same instance, which most repeated values are.
    if (held != null && held.value.equals(value)) {
      return held.quoted;
    }
    held = slots[slot + 1];
    return held != null && held.value.equals(value) ? held.quoted : null;
  }

  /**
   * Remembers that {@code value} is written as the bytes of {@code written} from {@code from} to
   * {@code to}, unless it is too long to hold.
   */
  static void put(String value, byte[] written, int from, int to) {
    if (value.length() <= MAX_LENGTH) {
      int slot = slotOf(value);
      slots[slot + 1] = slots[slot];
      slots[slot] = new Entry(value, Arrays.copyOfRange(written, from, to));
    }
  }

  /** The first slot of the string's pair. */
  private static int slotOf(String value) {
    int hash = value.hashCode();
    return ((hash ^ hash >>> 16) & (SLOTS - 1)) & ~1;
  }
}

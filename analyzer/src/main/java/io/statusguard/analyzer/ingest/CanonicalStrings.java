package io.statusguard.analyzer.ingest;

import java.util.Arrays;

/**
 * One shared instance per short string value recently decoded. A fleet sends the same few services,
 * hosts, templates and content types millions of times: handing out the same {@link String} saves its
 * allocation and, above all, lets every later hash lookup of the event use the string's cached hash
 * instead of hashing it again. A fixed table of 1,024 slots, each holding the latest value of at most
 * {@value #MAX_LENGTH} characters that fell into it, so a flood of distinct values only replaces entries.
 *
 * <p>Thread-safe without locks: slots are read and written racily, which is safe because an entry is
 * immutable and published through its final fields; a lost write only costs a later allocation.
 */
final class CanonicalStrings {
  /** Longer values are rare, and keeping them would make the table's footprint grow with the input. */
  static final int MAX_LENGTH = 128;
  private static final int SLOT_BITS = 10;

  private final Entry[] slots = new Entry[1 << SLOT_BITS];

  /** A value with its characters, which compare against the parser's buffer in one vectorized call. */
  private record Entry(char[] chars, String text) {}

  /** Returns a string equal to {@code length} characters of {@code chars} from {@code offset}. */
  String of(char[] chars, int offset, int length) {
    if (length == 0 || length > MAX_LENGTH) {
      return new String(chars, offset, length);
    }
    int end = offset + length;
    int slot = slotOf(chars, offset, end);
    Entry held = slots[slot];
    if (held != null && Arrays.equals(held.chars, 0, held.chars.length, chars, offset, end)) {
      return held.text;
    }
    char[] copy = Arrays.copyOfRange(chars, offset, end);
    Entry entry = new Entry(copy, new String(copy));
    slots[slot] = entry;
    return entry.text;
  }

  /**
   * A polynomial hash of every character, four at a time: the four products are independent, so the
   * processor overlaps them and the chain of dependent multiplications is a quarter as long as in
   * {@link String#hashCode}. This runs for every string of every record.
   */
  private static int slotOf(char[] chars, int offset, int end) {
    long hash = end - offset;
    int i = offset;
    for (; i + 3 < end; i += 4) {
      hash = hash * (31L * 31 * 31 * 31) + chars[i] * (31L * 31 * 31) + chars[i + 1] * (31L * 31)
          + chars[i + 2] * 31L + chars[i + 3];
    }
    for (; i < end; i++) {
      hash = hash * 31 + chars[i];
    }
    // Fibonacci hashing: the multiplication spreads every character into the top bits, which pick the slot.
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - SLOT_BITS));
  }
}

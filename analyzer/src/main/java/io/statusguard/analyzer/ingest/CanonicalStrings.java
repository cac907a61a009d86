package io.statusguard.analyzer.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Entry[] slots = new Entry[1 << SLOT_BITS];
  private final AsciiEntry[] asciiSlots = new AsciiEntry[1 << SLOT_BITS];

  /** A value with its characters, which compare against the parser's buffer in one vectorized call. */
  private record Entry(char[] chars, String text) {}

  /** A value of ASCII characters with its bytes and the three words it is hashed and compared by. */
  private record AsciiEntry(long first, long middle, long last, byte[] bytes, String text) {}

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
   * Returns a string of the {@code length} bytes of {@code bytes} from {@code offset}, each of which the
   * caller has checked to be ASCII (0 to 127), so that each byte is one character.
   */
  String ofAscii(byte[] bytes, int offset, int length) {
    if (length == 0 || length > MAX_LENGTH) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    // Three words, at the start, the middle and the end, cover a value of up to 24 bytes whole: for such
    // values they are both the hash and the comparison; longer ones are compared in full.
    long first;
    long middle = 0;
    long last = 0;
    if (length >= Long.BYTES) {
      first = (long) LONGS.get(bytes, offset);
      middle = (long) LONGS.get(bytes, offset + (length - Long.BYTES) / 2);
      last = (long) LONGS.get(bytes, offset + length - Long.BYTES);
    } else {
      first = 0;
      for (int i = offset + length - 1; i >= offset; i--) {
        first = first << 8 | bytes[i];
      }
    }
    long hash = ((first * 0x9E3779B97F4A7C15L + middle) * 0xC2B2AE3D27D4EB4FL + last) * 0x165667B19E3779F9L + length;
    int slot = spread(hash ^ (hash >>> 31));
    AsciiEntry held = asciiSlots[slot];
    if (held != null && held.first == first && held.middle == middle && held.last == last
        && held.bytes.length == length
        && (length <= 3 * Long.BYTES || Arrays.equals(held.bytes, 0, length, bytes, offset, offset + length))) {
      return held.text;
    }
    byte[] copy = Arrays.copyOfRange(bytes, offset, offset + length);
    AsciiEntry entry = new AsciiEntry(first, middle, last, copy, new String(copy, StandardCharsets.ISO_8859_1));
    asciiSlots[slot] = entry;
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
    return spread(hash);
  }

  private static int spread(long hash) {
    // Fibonacci hashing: the multiplication spreads every character into the top bits, which pick the slot.
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - SLOT_BITS));
  }
}

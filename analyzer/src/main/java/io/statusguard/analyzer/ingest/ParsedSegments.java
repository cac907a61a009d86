package io.statusguard.analyzer.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What recent runs of record bytes parsed to, by their exact bytes. Records from one agent repeat long
 * runs byte for byte (who sent them, what was called, what the body said), so a run seen before is
 * answered with its earlier parse after one hash and one comparison, instead of being read field by
 * field again. Parsing is a function of the bytes alone, so a remembered answer is the answer.
 *
 * <p>A fixed table of {@value #SLOTS} slots in pairs: a run may sit in either slot of its pair, the
 * latest one in the first, so two busy runs that hash alike do not evict each other. A flood of distinct
 * runs only replaces entries. Thread-safe without locks: slots are read and written racily,
 * which is safe because an entry is immutable and published through its final fields.
 *
 * @param <T> what a run parses to
 */
final class ParsedSegments<T> {
  /** Longer runs are not remembered: they would make the table's footprint grow with the input. */
  static final int MAX_LENGTH = 512;
  private static final int SLOT_BITS = 12;
  private static final int SLOTS = 1 << SLOT_BITS;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Entry<?>[] slots = new Entry<?>[SLOTS];

  private record Entry<T>(long hash, byte[] bytes, T parsed) {}

  /**
   * The bytes' hash, for {@link #get} and {@link #put}; the same bytes always give the same hash. Words
   * go into two lanes in turn (two chains of multiplications the processor overlaps), and a run's last
   * bytes as one word ending at its end, so that no step branches on the bytes or on a partial count.
   */
  static long hash(byte[] bytes, int from, int to) {
    long even = 0;
    long odd = 0;
    int i = from;
    for (; i + 2 * Long.BYTES <= to; i += 2 * Long.BYTES) {
      even = mix(even, word(bytes, i));
      odd = mix(odd, word(bytes, i + Long.BYTES));
    }
    if (i + Long.BYTES <= to) {
      even = mix(even, word(bytes, i));
      i += Long.BYTES;
    }
    long hash = Long.rotateLeft(even, 31) ^ odd ^ (to - from);
    int rest = to - i;
    if (rest > 0) {
      // The word that ends at the run's end, shifted so that only the rest is left.
      long last = to - from >= Long.BYTES ? word(bytes, to - Long.BYTES) >>> (Long.SIZE - Byte.SIZE * rest) : bytesOf(bytes, i, to);
      hash = (hash ^ last) * 0xC2B2AE3D27D4EB4FL;
    }
    return hash ^ (hash >>> 29);
  }

  private static long mix(long lane, long word) {
    return (lane + word) * 0x9E3779B97F4A7C15L;
  }

  private static long word(byte[] bytes, int at) {
    return (long) LONGS.get(bytes, at);
  }

  /** Fewer than eight bytes as the low bytes of a word, as {@link #word} would place them. */
  private static long bytesOf(byte[] bytes, int from, int to) {
    long word = 0;
    for (int i = to - 1; i >= from; i--) {
      word = word << Byte.SIZE | (bytes[i] & 0xFF);
    }
    return word;
  }

  /** What the bytes from {@code from} to {@code to} parsed to when last seen, or null. */
  @SuppressWarnings("unchecked")
  T get(byte[] bytes, int from, int to, long hash) {
    int slot = slotOf(hash);
    Entry<?> held = slots[slot];
    if (held == null || held.hash != hash) {
      held = slots[slot + 1];
      if (held == null || held.hash != hash) {
        return null;
      }
    }
    return Arrays.equals(held.bytes, 0, held.bytes.length, bytes, from, to) ? (T) held.parsed : null;
  }

  /** Remembers that the bytes from {@code from} to {@code to} parse to {@code parsed}. */
  void put(byte[] bytes, int from, int to, long hash, T parsed) {
    if (to - from <= MAX_LENGTH) {
      int slot = slotOf(hash);
      slots[slot + 1] = slots[slot];
      slots[slot] = new Entry<>(hash, Arrays.copyOfRange(bytes, from, to), parsed);
    }
  }

  /** The first slot of the hash's pair. */
  private static int slotOf(long hash) {
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - SLOT_BITS)) & ~1;
  }
}

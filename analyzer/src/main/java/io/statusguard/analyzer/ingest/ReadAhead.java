package io.statusguard.analyzer.ingest;

import java.nio.ByteBuffer;

/**
 * A software prefetch for record values. Records reach the decoder cold: they lie in a fetch response of
 * megabytes, which the consumer read on the other thread. Scanning one, the processor meets its cache
 * lines one miss after another; reading one byte of each line of a record that comes a little later lets
 * the memory system fetch those lines together, while the record before it is decoded. In {@code
 * DecodeAndAggregateBenchmark}, whose records cycle through more memory than the caches hold as a running
 * consumer's do, it gains 3 to 5% in a good run and spares the runs where the misses pile up (BENCHMARKS).
 */
public final class ReadAhead {
  /** Records decoded between a record's read-ahead and its own decoding. */
  public static final int DISTANCE = 2;

  private static final int CACHE_LINE = 64;
  /** A record this long is mostly rejected unread: its head is all that is worth fetching. */
  private static final int MAX_BYTES = 4096;

  private ReadAhead() {}

  /**
   * Reads one byte of each cache line of {@code value} (of its first {@value #MAX_BYTES} bytes). The
   * caller must keep the result, e.g. add it to a field, or the compiler may drop the reads.
   */
  public static int touch(byte[] value) {
    return value == null ? 0 : touch(value, 0, value.length);
  }

  /** As {@link #touch(byte[])}, for a value Kafka hands over as a view of its fetch response. */
  public static int touch(ByteBuffer value) {
    return value == null || !value.hasArray() ? 0
        : touch(value.array(), value.arrayOffset() + value.position(), value.remaining());
  }

  private static int touch(byte[] bytes, int offset, int length) {
    int sum = 0;
    for (int i = offset, end = offset + Math.min(length, MAX_BYTES); i < end; i += CACHE_LINE) {
      sum += bytes[i];
    }
    return sum;
  }
}

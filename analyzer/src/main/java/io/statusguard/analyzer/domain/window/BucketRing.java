package io.statusguard.analyzer.domain.window;

import io.statusguard.analyzer.domain.Divisor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Weighted counts in fixed-width time buckets, kept in a ring: a slot remembers which bucket it holds,
 * so a bucket too old for the ring reads as empty without any clearing pass. One thread adds; other
 * threads may sum concurrently and see each bucket whole, though not necessarily every bucket as of
 * the same moment.
 *
 * <p>A slot's bucket number and count sit side by side in one array (the count as a double's bits), so
 * that adding an event touches one cache line per ring rather than two: with thousands of series, those
 * lines are mostly not in cache.
 */
final class BucketRing {
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final long EMPTY = Long.MIN_VALUE;

  private final long widthMillis;
  private final Divisor width;
  private final Divisor ring;
  private final int slotCount;
  // Bucket number at 2i, count bits at 2i + 1.
  private final long[] slots;

  BucketRing(long widthMillis, int slots) {
    if (widthMillis < 1 || slots < 1) {
      throw new IllegalArgumentException("a ring needs a positive width and slot count");
    }
    this.widthMillis = widthMillis;
    this.width = Divisor.of(widthMillis);
    this.ring = Divisor.of(slots);
    this.slotCount = slots;
    this.slots = new long[2 * slots];
    for (int i = 0; i < slots; i++) {
      this.slots[2 * i] = EMPTY;
      this.slots[2 * i + 1] = Double.doubleToRawLongBits(0);
    }
  }

  long widthMillis() {
    return widthMillis;
  }

  /** Adds {@code weight} to the bucket of {@code timeMillis}, unless the ring has moved past that bucket. */
  void add(long timeMillis, double weight) {
    long bucket = width.floorDiv(timeMillis);
    int at = 2 * (int) ring.floorMod(bucket);
    // Plain reads suffice here: this is the only writing thread.
    long held = slots[at];
    if (held == bucket) {
      SLOTS.setRelease(slots, at + 1, Double.doubleToRawLongBits(Double.longBitsToDouble(slots[at + 1]) + weight));
    } else if (held < bucket) {
      // Count before bucket: a reader that sees the new bucket number also sees its count. A reader
      // that sees the old number with the new count attributes it to a bucket a whole ring older,
      // outside any window it sums.
      SLOTS.setRelease(slots, at + 1, Double.doubleToRawLongBits(weight));
      SLOTS.setRelease(slots, at, bucket);
    }
  }

  /** Sums the buckets from the one holding {@code fromMillis} to the one holding {@code toMillis}, both included. */
  double sum(long fromMillis, long toMillis) {
    long first = Math.floorDiv(fromMillis, widthMillis);
    long last = Math.floorDiv(toMillis, widthMillis);
    // A window wider than the ring would sum slots twice.
    first = Math.max(first, last - slotCount + 1);
    double sum = 0;
    for (long bucket = first; bucket <= last; bucket++) {
      int at = 2 * (int) Math.floorMod(bucket, (long) slotCount);
      if ((long) SLOTS.getAcquire(slots, at) == bucket) {
        sum += Double.longBitsToDouble((long) SLOTS.getAcquire(slots, at + 1));
      }
    }
    return sum;
  }
}

package io.statusguard.analyzer.domain.window;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Weighted counts in fixed-width time buckets, kept in a ring: a slot remembers which bucket it holds,
 * so a bucket too old for the ring reads as empty without any clearing pass. One thread adds; other
 * threads may sum concurrently and see each bucket whole, though not necessarily every bucket as of
 * the same moment.
 */
final class BucketRing {
  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(double[].class);
  private static final VarHandle BUCKETS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final long EMPTY = Long.MIN_VALUE;

  /** Beyond this magnitude a quotient by multiplication could be off by more than one: divide instead. */
  private static final long EXACT_BY_INVERSE = 1L << 50;

  private final long widthMillis;
  private final double widthInverse;
  private final double slotsInverse;
  private final double[] counts;
  private final long[] buckets;

  BucketRing(long widthMillis, int slots) {
    if (widthMillis < 1 || slots < 1) {
      throw new IllegalArgumentException("a ring needs a positive width and slot count");
    }
    this.widthMillis = widthMillis;
    this.widthInverse = 1.0 / widthMillis;
    this.slotsInverse = 1.0 / slots;
    this.counts = new double[slots];
    this.buckets = new long[slots];
    Arrays.fill(buckets, EMPTY);
  }

  long widthMillis() {
    return widthMillis;
  }

  /** Adds {@code weight} to the bucket of {@code timeMillis}, unless the ring has moved past that bucket. */
  void add(long timeMillis, double weight) {
    long bucket = floorDiv(timeMillis, widthMillis, widthInverse);
    int slot = (int) (bucket - floorDiv(bucket, counts.length, slotsInverse) * counts.length);
    // Plain reads suffice here: this is the only writing thread.
    long held = buckets[slot];
    if (held == bucket) {
      COUNTS.setRelease(counts, slot, counts[slot] + weight);
    } else if (held < bucket) {
      // Count before bucket: a reader that sees the new bucket number also sees its count. A reader
      // that sees the old number with the new count attributes it to a bucket a whole ring older,
      // outside any window it sums.
      COUNTS.setRelease(counts, slot, weight);
      BUCKETS.setRelease(buckets, slot, bucket);
    }
  }

  /**
   * {@code Math.floorDiv(x, divisor)}, by a multiplication and one correction: every event takes two
   * such divisions per ring, and a 64-bit division costs tens of cycles where this costs a few.
   */
  private static long floorDiv(long x, long divisor, double inverse) {
    if (x >= EXACT_BY_INVERSE || x <= -EXACT_BY_INVERSE) {
      return Math.floorDiv(x, divisor);
    }
    // The product is within one of the true quotient: |x| < 2^50 leaves its rounding error far below one.
    long quotient = (long) Math.floor(x * inverse);
    long remainder = x - quotient * divisor;
    if (remainder < 0) {
      return quotient - 1;
    }
    return remainder >= divisor ? quotient + 1 : quotient;
  }

  /** Sums the buckets from the one holding {@code fromMillis} to the one holding {@code toMillis}, both included. */
  double sum(long fromMillis, long toMillis) {
    long first = Math.floorDiv(fromMillis, widthMillis);
    long last = Math.floorDiv(toMillis, widthMillis);
    // A window wider than the ring would sum slots twice.
    first = Math.max(first, last - counts.length + 1);
    double sum = 0;
    for (long bucket = first; bucket <= last; bucket++) {
      int slot = (int) Math.floorMod(bucket, (long) counts.length);
      if ((long) BUCKETS.getAcquire(buckets, slot) == bucket) {
        sum += (double) COUNTS.getAcquire(counts, slot);
      }
    }
    return sum;
  }
}

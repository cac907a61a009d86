package io.statusguard.simulator.internal.firewall;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * One caller's recent responses, counted in ten buckets that together span the window: memory stays
 * constant however fast the caller sends, and the window slides a tenth at a time. Not thread-safe.
 */
final class CallerWindow {
  private static final int BUCKETS = 10;

  private final long bucketMillis;
  private final long[] bucketIndex = new long[BUCKETS];
  private final int[] total = new int[BUCKETS];
  private final int[] errors = new int[BUCKETS];
  private final int[] notFoundOrConflict = new int[BUCKETS];

  CallerWindow(Duration window) {
    this.bucketMillis = Math.max(1, window.toMillis() / BUCKETS);
    Arrays.fill(bucketIndex, Long.MIN_VALUE);
  }

  /** Whether the firewall counts {@code status} as an error: 4xx other than 401 and 403, and 5xx. */
  static boolean isError(int status) {
    return status >= 400 && status <= 599 && status != 401 && status != 403;
  }

  static boolean isNotFoundOrConflict(int status) {
    return status == 404 || status == 409;
  }

  void record(int status, Instant now) {
    long index = Math.floorDiv(now.toEpochMilli(), bucketMillis);
    int slot = (int) Math.floorMod(index, (long) BUCKETS);
    if (bucketIndex[slot] != index) {
      bucketIndex[slot] = index;
      total[slot] = 0;
      errors[slot] = 0;
      notFoundOrConflict[slot] = 0;
    }
    total[slot]++;
    if (isError(status)) {
      errors[slot]++;
    }
    if (isNotFoundOrConflict(status)) {
      notFoundOrConflict[slot]++;
    }
  }

  Tally tally(Instant now) {
    long current = Math.floorDiv(now.toEpochMilli(), bucketMillis);
    int requests = 0;
    int errorCount = 0;
    int notFoundOrConflictCount = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (bucketIndex[slot] > current - BUCKETS && bucketIndex[slot] <= current) {
        requests += total[slot];
        errorCount += errors[slot];
        notFoundOrConflictCount += notFoundOrConflict[slot];
      }
    }
    return new Tally(requests, errorCount, notFoundOrConflictCount);
  }

  /** The counts of one window. */
  record Tally(int requests, int errors, int notFoundOrConflict) {
    double errorRatio() {
      return requests == 0 ? 0.0 : (double) errors / requests;
    }
  }
}

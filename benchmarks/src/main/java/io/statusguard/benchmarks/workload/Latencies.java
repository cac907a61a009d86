package io.statusguard.benchmarks.workload;

import java.util.Arrays;

/**
 * The median and 99th percentile of a run's request latencies, by the nearest-rank method.
 *
 * @param p50Nanos the latency half of the requests stayed within
 * @param p99Nanos the latency 99 % of the requests stayed within
 */
public record Latencies(long p50Nanos, long p99Nanos) {

  /** The percentiles of {@code nanos}, which must not be empty; the array is sorted in place. */
  public static Latencies of(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no latencies");
    }
    Arrays.sort(nanos);
    return new Latencies(rank(nanos, 50), rank(nanos, 99));
  }

  private static long rank(long[] sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}

package io.statusguard.benchmarks.throughput;

/**
 * How many records a reader got through in how long, timed from its first batch to its last record, so
 * that joining the consumer group and the first fetch do not count.
 */
public record Throughput(long records, long bytes, long nanos) {
  public Throughput {
    if (records < 0 || bytes < 0 || nanos <= 0) {
      throw new IllegalArgumentException("records and bytes must not be negative, nanos must be positive");
    }
  }

  public double eventsPerSecond() {
    return records * 1e9 / nanos;
  }

  public double megabytesPerSecond() {
    return bytes * 1e3 / nanos;
  }
}

package io.statusguard.benchmarks.throughput;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.statusguard.analyzer.Analyzer;
import io.statusguard.analyzer.AnalyzerConfig;
import java.time.Duration;

/**
 * The analyzer, started as its main starts it, in a fresh consumer group, timed while it works through
 * the whole topic. Progress is read from its own records-read counters, sampled every
 * {@value #SAMPLE_MILLIS} ms. Stateless.
 */
public final class AnalyzerDrain {
  /** The analyzer's counters of records read first-hand and read back to rebuild windows. */
  static final String[] RECORDS_READ = {"statusguard.events.consumed", "statusguard.events.replayed"};
  static final long SAMPLE_MILLIS = 10;

  private AnalyzerDrain() {}

  /**
   * Starts an analyzer on {@code topic} and waits until it has read {@code expected} records; throws if
   * that takes longer than {@code timeout}. {@code bytesPerRecord} converts the count to bytes.
   */
  public static Throughput consume(String bootstrapServers, String topic, String groupId, long expected,
      double bytesPerRecord, Duration timeout) throws InterruptedException {
    AnalyzerConfig config = AnalyzerConfig.defaults()
        .withBootstrapServers(bootstrapServers)
        .withTopic(topic)
        .withGroupId(groupId)
        .withHttpHost("127.0.0.1")
        .withHttpPort(0);
    long startNanos = System.nanoTime();
    long deadline = startNanos + timeout.toNanos();
    try (Analyzer analyzer = Analyzer.start(config)) {
      MeterRegistry registry = analyzer.metrics().registry();
      long first = 0;
      long firstNanos = 0;
      long read;
      while ((read = recordsRead(registry)) < expected) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("the analyzer read " + read + " of " + expected
              + " records within " + timeout);
        }
        if (first == 0 && read > 0) {
          first = read;
          firstNanos = System.nanoTime();
        }
        Thread.sleep(SAMPLE_MILLIS);
      }
      if (first == 0) {
        // Everything was read before the first sample (a small topic): time it from the start instead.
        firstNanos = startNanos;
      }
      long nanos = System.nanoTime() - firstNanos;
      long records = read - first;
      return new Throughput(records, Math.round(records * bytesPerRecord), Math.max(1, nanos));
    }
  }

  static long recordsRead(MeterRegistry registry) {
    double sum = 0;
    for (String name : RECORDS_READ) {
      // Either kind of counter: the analyzer may keep a count itself and expose it as a function counter.
      for (Counter counter : registry.find(name).counters()) {
        sum += counter.count();
      }
      for (FunctionCounter counter : registry.find(name).functionCounters()) {
        sum += counter.count();
      }
    }
    return (long) sum;
  }
}

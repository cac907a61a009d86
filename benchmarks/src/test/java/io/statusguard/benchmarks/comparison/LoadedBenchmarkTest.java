package io.statusguard.benchmarks.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

class LoadedBenchmarkTest {
  private static final String CLASS_PATH = System.getProperty("java.class.path");

  @Test
  void setsUpOnceWhatJmhSetsUpPerTrial() {
    LoadedBenchmark loaded = LoadedBenchmark.load(CLASS_PATH, PerTrial.class.getName(), "count");

    long operations = loaded.runFor(1_000_000);

    assertThat(operations).isPositive();
    assertThat(loaded.benchmarkClass().getName()).isEqualTo(PerTrial.class.getName());
  }

  @Test
  void refusesASetUpThatJmhRunsPerIteration() {
    assertThatThrownBy(
        () -> LoadedBenchmark.load(CLASS_PATH, PerIteration.class.getName(), "count"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PerIteration.reset is @Setup(Level.Iteration)");
  }

  /**
   * Counts from a set-up that must have run: a benchmark that fails without it. The fixtures carry no
   * {@code @Benchmark}, which would have JMH's annotation processor generate code for them.
   */
  public static class PerTrial {
    private long[] counter;

    @Setup
    public void allocate() {
      counter = new long[1];
    }

    public long count() {
      return ++counter[0];
    }
  }

  public static class PerIteration {
    private long counter;

    @Setup(Level.Iteration)
    public void reset() {
      counter = 0;
    }

    public long count() {
      return ++counter;
    }
  }
}

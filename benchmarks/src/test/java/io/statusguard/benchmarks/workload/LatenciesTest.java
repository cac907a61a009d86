package io.statusguard.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesByNearestRank() {
    long[] hundred = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();

    assertThat(Latencies.of(hundred)).isEqualTo(new Latencies(50, 99));
  }

  @Test
  void oneSampleIsEveryPercentile() {
    assertThat(Latencies.of(new long[] {7})).isEqualTo(new Latencies(7, 7));
  }

  @Test
  void rejectsNoSamples() {
    assertThatIllegalArgumentException().isThrownBy(() -> Latencies.of(new long[0]));
  }
}

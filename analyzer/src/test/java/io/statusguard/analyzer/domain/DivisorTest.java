package io.statusguard.analyzer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DivisorTest {

  @Test
  void dividesAsMathFloorDivAtEveryEdgeAndMagnitude() {
    SplittableRandom random = new SplittableRandom(11);
    for (long d : new long[] {1, 7, 1_000, 10_000, 368, 3_600_000}) {
      Divisor divisor = Divisor.of(d);
      for (int i = 0; i < 50_000; i++) {
        long magnitude = 1L << random.nextInt(63);
        long edge = d * (random.nextLong(magnitude) / d) * (random.nextBoolean() ? 1 : -1);
        for (long x : new long[] {edge - 1, edge, edge + 1}) {
          assertThat(divisor.floorDiv(x)).as("%d / %d", x, d).isEqualTo(Math.floorDiv(x, d));
          assertThat(divisor.floorMod(x)).as("%d mod %d", x, d).isEqualTo(Math.floorMod(x, d));
        }
      }
      assertThat(divisor.floorDiv(Long.MIN_VALUE)).isEqualTo(Math.floorDiv(Long.MIN_VALUE, d));
      assertThat(divisor.floorDiv(Long.MAX_VALUE)).isEqualTo(Math.floorDiv(Long.MAX_VALUE, d));
    }
  }

  @Test
  void needsAPositiveDivisor() {
    assertThatIllegalArgumentException().isThrownBy(() -> Divisor.of(0));
  }
}

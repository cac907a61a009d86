package io.statusguard.benchmarks.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SliceRatiosTest {

  @Test
  void pairsTheBuildsSliceBySlice() {
    // The machine slows tenfold and back; the second build is twice as fast in every slice. Each build's
    // own median would say 2 as well here, but its quartiles would span the slowdown.
    double[] base = {100, 10, 100, 10, 100};
    double[] other = {200, 20, 200, 20, 200};

    SliceRatios ratios = SliceRatios.of(base, other);

    assertThat(ratios.p25()).isEqualTo(2.0);
    assertThat(ratios.median()).isEqualTo(2.0);
    assertThat(ratios.p75()).isEqualTo(2.0);
  }

  @Test
  void interpolatesQuantilesBetweenRanks() {
    double[] values = {4, 1, 3, 2};

    assertThat(SliceRatios.quantile(values, 0.5)).isCloseTo(2.5, within(1e-9));
    assertThat(SliceRatios.quantile(values, 0.25)).isCloseTo(1.75, within(1e-9));
    assertThat(SliceRatios.quantile(values, 1.0)).isEqualTo(4.0);
  }

  @Test
  void rejectsBuildsWithDifferentSliceCounts() {
    assertThatThrownBy(() -> SliceRatios.of(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same number of slices");
  }
}

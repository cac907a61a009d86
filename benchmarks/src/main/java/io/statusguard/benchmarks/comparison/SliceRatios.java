package io.statusguard.benchmarks.comparison;

import java.util.Arrays;

/**
 * Quartiles of the ratio of two builds' rates, slice by slice. Slices of the two builds run next to each
 * other in time, so a ratio of one slice compares the builds on the same machine state: a noisy
 * neighbour that slows a whole second slows both. Comparing each build's own median instead mixes that
 * noise back in.
 *
 * @param p25 the lower quartile of the ratios
 * @param median their median
 * @param p75 the upper quartile
 */
public record SliceRatios(double p25, double median, double p75) {

  /** The ratios {@code other[i] / base[i]}, for slices of both in the same order. */
  public static SliceRatios of(double[] base, double[] other) {
    if (base.length != other.length || base.length == 0) {
      throw new IllegalArgumentException("needs the same number of slices, at least one, of both builds");
    }
    double[] ratios = new double[base.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = other[i] / base[i];
    }
    return new SliceRatios(quantile(ratios, 0.25), quantile(ratios, 0.5), quantile(ratios, 0.75));
  }

  /** The {@code q} quantile of {@code values}, interpolated between the two nearest ranks. */
  public static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double rank = q * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
  }
}

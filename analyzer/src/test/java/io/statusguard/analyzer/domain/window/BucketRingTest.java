package io.statusguard.analyzer.domain.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BucketRingTest {
  private final BucketRing ring = new BucketRing(1_000, 5);

  @Test
  void sumsTheBucketsOfARange() {
    ring.add(10_000, 1);
    ring.add(10_999, 2);
    ring.add(12_500, 4);

    assertThat(ring.sum(10_000, 10_000)).isEqualTo(3.0);
    assertThat(ring.sum(10_500, 12_000)).isEqualTo(7.0);
    assertThat(ring.sum(11_000, 11_999)).isZero();
  }

  /** Buckets are found by multiplying, not dividing: each edge must still fall on its own side. */
  @Test
  void putsEveryTimeOnItsSideOfABucketEdgeAtAnyMagnitude() {
    SplittableRandom random = new SplittableRandom(7);
    for (long width : new long[] {1_000, 10_000, 7}) {
      for (int i = 0; i < 20_000; i++) {
        long edge = width * (random.nextLong(1L << 53) / width) * (random.nextBoolean() ? 1 : -1);
        BucketRing fresh = new BucketRing(width, 373);
        fresh.add(edge - 1, 1);
        fresh.add(edge, 2);

        assertThat(fresh.sum(edge, edge + width - 1)).as("edge %d of width %d", edge, width).isEqualTo(2.0);
        assertThat(fresh.sum(edge - width, edge - 1)).as("edge %d of width %d", edge, width).isEqualTo(1.0);
      }
    }
  }

  @Test
  void aSlotTakenByANewerBucketForgetsTheOlderOne() {
    ring.add(10_000, 1);
    ring.add(15_000, 8);

    assertThat(ring.sum(10_000, 10_000)).isZero();
    assertThat(ring.sum(15_000, 15_000)).isEqualTo(8.0);
  }

  @Test
  void ignoresAnEventOlderThanTheRingReaches() {
    ring.add(15_000, 8);
    ring.add(10_000, 1);

    assertThat(ring.sum(10_000, 15_000)).isEqualTo(8.0);
  }

  @Test
  void neverSumsASlotTwiceForARangeWiderThanTheRing() {
    ring.add(20_000, 1);

    assertThat(ring.sum(0, 20_000)).isEqualTo(1.0);
  }
}

package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuccessSamplerTest {
  private static final int SUCCESSES = 200_000;
  private static final long LIMIT = 1000;

  @Test
  void offKeepsEverySuccessWithWeightOne() {
    SuccessSampler sampler = SuccessSampler.create(0, () -> 0.999);

    for (int i = 0; i < 100_000; i++) {
      assertThat(sampler.weigh(200, i / 100)).isEqualTo(1.0);
    }
  }

  @Test
  void keepsEverySuccessBelowTheLimit() {
    SuccessSampler sampler = SuccessSampler.create(LIMIT, () -> 0.999);

    for (int i = 0; i < 50_000; i++) {
      // 500 a second.
      assertThat(sampler.weigh(200, i * 2L)).isEqualTo(1.0);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100, 101, 207, 400, 401, 403, 404, 409, 422, 429, 500, 503, 999})
  void neverSamplesErrors(int status) {
    SuccessSampler sampler = SuccessSampler.create(1, () -> 0.999);
    // A second of heavy success traffic makes p tiny.
    for (int i = 0; i < 10_000; i++) {
      sampler.weigh(200, i / 10);
    }

    for (int i = 0; i < 10_000; i++) {
      assertThat(sampler.weigh(status, 1000 + i / 10)).isEqualTo(1.0);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1500, 2000, 5000, 10_000})
  void weightedSuccessesMatchTheTrueCountWhileEveryErrorArrives(long successesPerSecond) {
    SuccessSampler sampler = SuccessSampler.create(LIMIT, new Random(successesPerSecond)::nextDouble);
    Traffic traffic = new Traffic();

    for (int i = 0; i < SUCCESSES; i++) {
      long timeMs = i * 1000L / successesPerSecond;
      traffic.success(sampler.weigh(i % 3 == 0 ? 204 : 200, timeMs));
      if (i % 10 == 0) {
        traffic.error(sampler.weigh(i % 20 == 0 ? 404 : 409, timeMs));
      }
    }

    assertThat(traffic.weightedSuccesses).isCloseTo(SUCCESSES, within(SUCCESSES * 0.02));
    assertThat(traffic.errorsArrived).isEqualTo(SUCCESSES / 10);
    assertThat(traffic.errorWeights).isEqualTo(SUCCESSES / 10.0);
    // The first second is kept whole (no rate was known yet), then about the limit per second.
    long seconds = SUCCESSES / successesPerSecond;
    assertThat(traffic.successesKept)
        .isLessThan(successesPerSecond + (seconds + 1) * LIMIT * 11 / 10);
  }

  @Test
  void followsARateThatChangesEverySecond() {
    SuccessSampler sampler = SuccessSampler.create(LIMIT, new Random(7)::nextDouble);
    Random rates = new Random(11);
    Traffic traffic = new Traffic();
    long sent = 0;

    for (long second = 0; sent < SUCCESSES; second++) {
      int rate = 200 + rates.nextInt(9000);
      for (int i = 0; i < rate && sent < SUCCESSES; i++, sent++) {
        long timeMs = second * 1000 + i * 1000L / rate;
        traffic.success(sampler.weigh(200, timeMs));
        traffic.error(sampler.weigh(0, timeMs));
      }
    }

    assertThat(traffic.weightedSuccesses).isCloseTo(SUCCESSES, within(SUCCESSES * 0.02));
    assertThat(traffic.errorsArrived).isEqualTo(SUCCESSES);
  }

  @Test
  void recoversWhenTheWallClockGoesBack() {
    SuccessSampler sampler = SuccessSampler.create(LIMIT, new Random(3)::nextDouble);
    for (int i = 0; i < 5000; i++) {
      sampler.weigh(200, i / 5);
    }
    long hourAgo = -3_600_000;
    Traffic traffic = new Traffic();

    for (int i = 0; i < 20_000; i++) {
      // 500 a second: below the limit again, so every success is kept once a second has passed.
      traffic.success(sampler.weigh(200, hourAgo + i * 2L));
    }

    assertThat(traffic.successesKept).isGreaterThan(20_000 - 2 * 500);
  }

  /** What arrived of a stream of responses, weighted. */
  private static final class Traffic {
    double weightedSuccesses;
    long successesKept;
    long errorsArrived;
    double errorWeights;

    void success(double weight) {
      if (weight != SuccessSampler.SAMPLED_OUT) {
        weightedSuccesses += weight;
        successesKept++;
      }
    }

    void error(double weight) {
      if (weight != SuccessSampler.SAMPLED_OUT) {
        errorsArrived++;
        errorWeights += weight;
      }
    }
  }
}

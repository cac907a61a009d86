package io.statusguard.agent.pipeline;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Decides which successes become events once there are more than {@code limitPerSecond} of them a
 * second: each is kept with probability p = limit / (successes seen in the previous second) and
 * weighs 1/p, so that weighted counts estimate the true ones without bias. Anything else (status 0,
 * 207, 4xx, 5xx, any status outside 2xx and 3xx) is always kept, with weight 1. Time is the
 * observation's, passed in, so that tests control it. Not thread-safe: confined to the publisher
 * thread.
 */
final class SuccessSampler {
  /** The weight of a success that is sampled out: it becomes no event. */
  static final double SAMPLED_OUT = 0;

  private static final long SECOND_MS = 1000;

  private final long limitPerSecond;
  private final DoubleSupplier random;
  private boolean started;
  private long secondStartMs;
  private long successesThisSecond;
  private double keepProbability = 1;

  private SuccessSampler(long limitPerSecond, DoubleSupplier random) {
    if (limitPerSecond < 0) {
      throw new IllegalArgumentException("limit must be 0 (off) or positive: " + limitPerSecond);
    }
    this.limitPerSecond = limitPerSecond;
    this.random = random;
  }

  /** A sampler above {@code limitPerSecond} successes a second; 0 keeps every success. */
  static SuccessSampler create(long limitPerSecond) {
    return create(limitPerSecond, new SplittableRandom()::nextDouble);
  }

  /** As {@link #create(long)}, drawing from {@code random} (uniform in [0, 1)): for tests. */
  static SuccessSampler create(long limitPerSecond, DoubleSupplier random) {
    return new SuccessSampler(limitPerSecond, random);
  }

  /**
   * The weight of the event of a response with {@code status} observed at {@code timeMs}: 1 for
   * anything kept unsampled, 1/p for a success kept with probability p, or {@link #SAMPLED_OUT}.
   */
  double weigh(int status, long timeMs) {
    if (limitPerSecond == 0 || !isSuccess(status)) {
      return 1;
    }
    advance(timeMs);
    successesThisSecond++;
    if (keepProbability >= 1) {
      return 1;
    }
    return random.getAsDouble() < keepProbability ? 1 / keepProbability : SAMPLED_OUT;
  }

  /** Only 2xx and 3xx are successes, and not 207: the provider's UNKNOWN state is an error. */
  static boolean isSuccess(int status) {
    return status >= 200 && status <= 399 && status != 207;
  }

  private void advance(long timeMs) {
    if (!started) {
      started = true;
      secondStartMs = timeMs;
      return;
    }
    long elapsedMs = timeMs - secondStartMs;
    if (elapsedMs < -SECOND_MS) {
      // The wall clock was set back: start counting again from now, keeping the current p.
      secondStartMs = timeMs;
      successesThisSecond = 0;
      return;
    }
    // Observations from several threads arrive slightly out of order: a late one joins this second.
    if (elapsedMs < SECOND_MS) {
      return;
    }
    long previousSecond = elapsedMs < 2 * SECOND_MS ? successesThisSecond : 0;
    keepProbability = previousSecond > limitPerSecond
        ? (double) limitPerSecond / previousSecond : 1;
    secondStartMs += elapsedMs / SECOND_MS * SECOND_MS;
    successesThisSecond = 0;
  }
}

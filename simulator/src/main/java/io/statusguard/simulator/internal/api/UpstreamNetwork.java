package io.statusguard.simulator.internal.api;

import java.util.Random;

/**
 * The card network behind the provider: now and then its step of a transaction times out and the
 * provider answers 207 with the transaction in an UNKNOWN state. Seeded, so a sequential client sees the
 * same outcomes on every run. Thread-safe.
 */
public final class UpstreamNetwork {
  private final Random random;
  private final double timeoutProbability;

  private UpstreamNetwork(Random random, double timeoutProbability) {
    this.random = random;
    this.timeoutProbability = timeoutProbability;
  }

  public static UpstreamNetwork seeded(long seed, double timeoutProbability) {
    if (!(timeoutProbability >= 0.0 && timeoutProbability <= 1.0)) {
      throw new IllegalArgumentException(
          "timeoutProbability must be within [0, 1], was " + timeoutProbability);
    }
    return new UpstreamNetwork(new Random(seed), timeoutProbability);
  }

  /** Draws whether the next transaction's upstream step times out. */
  public synchronized boolean timesOut() {
    return random.nextDouble() < timeoutProbability;
  }
}

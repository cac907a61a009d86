package io.statusguard.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AttemptClockTest {
  /** Times are kept in units of 1024 ns. */
  private static final long RESOLUTION_NANOS = 1024;

  @Test
  void givesTheStartOfAnAttemptToTheMicrosecond() {
    Object attempt = new Object();
    long before = System.nanoTime();
    AttemptClock.start(attempt);
    long after = System.nanoTime();
    long endNanos = after + TimeUnit.SECONDS.toNanos(3);

    long startNanos = AttemptClock.startNanos(attempt, endNanos);

    assertThat(startNanos).isBetween(before - RESOLUTION_NANOS, after + RESOLUTION_NANOS);
  }

  @Test
  void anAttemptThatStartsAgainIsTimedFromItsLatestStart() {
    Object request = new Object();
    AttemptClock.start(request);
    long secondStart = System.nanoTime();
    AttemptClock.start(request);

    assertThat(AttemptClock.startNanos(request, secondStart + 5_000_000))
        .isGreaterThanOrEqualTo(secondStart - RESOLUTION_NANOS);
  }

  @Test
  void anUnknownAttemptEndsWhereItStarts() {
    long endNanos = System.nanoTime();

    assertThat(AttemptClock.startNanos(new Object(), endNanos)).isEqualTo(endNanos);
  }

  @Test
  void anAttemptWhoseSlotWasTakenOverEndsWhereItStarts() {
    Object attempt = new Object();
    AttemptClock.start(attempt);
    Object rival = rivalOf(attempt);
    AttemptClock.start(rival);
    long endNanos = System.nanoTime();

    assertThat(AttemptClock.startNanos(attempt, endNanos)).isEqualTo(endNanos);
    assertThat(AttemptClock.startNanos(rival, endNanos)).isLessThanOrEqualTo(endNanos);
  }

  /** Another object whose identity hash falls into the same slot (the low 12 bits). */
  private static Object rivalOf(Object attempt) {
    int slot = System.identityHashCode(attempt) & 4095;
    for (int i = 0; i < 10_000_000; i++) {
      Object candidate = new Object();
      int hash = System.identityHashCode(candidate);
      if ((hash & 4095) == slot && hash != System.identityHashCode(attempt)) {
        return candidate;
      }
    }
    throw new AssertionError("no object shares the slot");
  }
}

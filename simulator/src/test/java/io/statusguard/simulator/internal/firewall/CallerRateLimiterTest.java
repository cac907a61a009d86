package io.statusguard.simulator.internal.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallerRateLimiterTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void admitsTheLimitPerCallerPerSecond() {
    CallerRateLimiter limiter = new CallerRateLimiter(2);

    assertThat(limiter.tryAcquire("a", T0)).isTrue();
    assertThat(limiter.tryAcquire("a", T0.plusMillis(500))).isTrue();
    assertThat(limiter.tryAcquire("a", T0.plusMillis(900))).isFalse();
    assertThat(limiter.tryAcquire("b", T0.plusMillis(900))).isTrue();
    assertThat(limiter.tryAcquire("a", T0.plusSeconds(1))).isTrue();
  }

  @Test
  void zeroAdmitsEverything() {
    CallerRateLimiter limiter = new CallerRateLimiter(0);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire("a", T0)).isTrue();
    }
  }
}

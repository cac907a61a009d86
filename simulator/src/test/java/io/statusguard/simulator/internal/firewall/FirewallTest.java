package io.statusguard.simulator.internal.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.simulator.BlockPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FirewallTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final String CALLER = "10.0.0.1";

  private final BlockPolicy policy = BlockPolicy.defaults()
      .withWindow(Duration.ofSeconds(10))
      .withMinRequests(10)
      .withErrorRatio(0.5)
      .withNotFoundOrConflictLimit(8)
      .withCoolDown(Duration.ofSeconds(60));
  private final Firewall firewall = new Firewall(policy);

  private void record(int times, int status, Instant at) {
    for (int i = 0; i < times; i++) {
      firewall.record(CALLER, status, at);
    }
  }

  @Test
  void blocksOnceTheErrorShareReachesTheRatioAfterTheMinimumRequests() {
    record(5, 200, T0);
    record(4, 500, T0);
    assertThat(firewall.isBlocked(CALLER, T0)).isFalse();

    record(1, 422, T0);

    assertThat(firewall.isBlocked(CALLER, T0)).isTrue();
    assertThat(firewall.blockedCallers(T0)).containsExactly(CALLER);
    assertThat(firewall.blocksImposed()).isEqualTo(1);
  }

  @Test
  void judgesNoShareBeforeTheMinimumRequests() {
    record(9, 500, T0);

    assertThat(firewall.isBlocked(CALLER, T0)).isFalse();
  }

  @Test
  void countsNeither401Nor403AsErrors() {
    record(10, 401, T0);
    record(10, 403, T0);

    assertThat(firewall.isBlocked(CALLER, T0)).isFalse();
  }

  @Test
  void notFoundOrConflictAboveTheLimitBlocksRegardlessOfTheShare() {
    record(100, 200, T0);
    record(4, 404, T0);
    record(4, 409, T0);
    assertThat(firewall.isBlocked(CALLER, T0)).isFalse();

    record(1, 404, T0);

    assertThat(firewall.isBlocked(CALLER, T0)).isTrue();
  }

  @Test
  void windowSlidesPastOldErrors() {
    record(9, 500, T0);
    Instant later = T0.plusSeconds(10);

    record(1, 500, later);

    assertThat(firewall.isBlocked(CALLER, later)).isFalse();
  }

  @Test
  void blockEndsAfterTheCoolDownWithAFreshWindow() {
    record(10, 500, T0);
    Instant almost = T0.plusSeconds(59);
    Instant over = T0.plusSeconds(60);

    assertThat(firewall.isBlocked(CALLER, almost)).isTrue();
    assertThat(firewall.isBlocked(CALLER, over)).isFalse();
    assertThat(firewall.blockedCallers(over)).isEmpty();
    record(1, 500, over);
    assertThat(firewall.isBlocked(CALLER, over)).isFalse();
  }

  @Test
  void callersAreJudgedApart() {
    record(10, 500, T0);

    assertThat(firewall.isBlocked("10.0.0.2", T0)).isFalse();
  }

  @Test
  void neverPolicyIgnoresAnyBurst() {
    Firewall lenient = new Firewall(BlockPolicy.never());
    for (int i = 0; i < 10_000; i++) {
      lenient.record(CALLER, 404, T0);
    }

    assertThat(lenient.isBlocked(CALLER, T0)).isFalse();
  }
}

package io.statusguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlockPolicyTest {

  @Test
  void defaultsMatchTheDocumentedValues() {
    assertThat(BlockPolicy.defaults())
        .isEqualTo(new BlockPolicy(Duration.ofSeconds(10), 20, 0.8, 30, Duration.ofSeconds(60)));
  }

  @Test
  void rejectsThresholdsThatCannotWork() {
    BlockPolicy policy = BlockPolicy.defaults();

    assertThatThrownBy(() -> policy.withErrorRatio(0)).hasMessageContaining("errorRatio");
    assertThatThrownBy(() -> policy.withErrorRatio(1.01)).hasMessageContaining("errorRatio");
    assertThatThrownBy(() -> policy.withMinRequests(0)).hasMessageContaining("minRequests");
    assertThatThrownBy(() -> policy.withWindow(Duration.ZERO)).hasMessageContaining("window");
    assertThatThrownBy(() -> policy.withCoolDown(Duration.ofSeconds(-1))).hasMessageContaining("coolDown");
    assertThatThrownBy(() -> policy.withNotFoundOrConflictLimit(-1))
        .hasMessageContaining("notFoundOrConflictLimit");
  }
}

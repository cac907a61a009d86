package io.statusguard.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallDepthTest {
  private final CallDepth calls = CallDepth.current();

  @Test
  void recordsOnlyTheOutermostFreshCall() {
    assertThat(calls.enter(true)).isTrue();
    long firstAttempt = calls.attemptStartNanos();
    assertThat(calls.enter(true)).isFalse();
    assertThat(calls.recording()).isTrue();
    calls.exit();
    assertThat(calls.recording()).isTrue();
    calls.nextAttempt(firstAttempt + 5);
    assertThat(calls.attemptStartNanos()).isEqualTo(firstAttempt + 5);
    calls.exit();

    assertThat(calls.recording()).isFalse();
  }

  @Test
  void doesNotRecordACallOnAConnectionThatAlreadyAnswered() {
    assertThat(calls.enter(false)).isFalse();
    assertThat(calls.recording()).isFalse();
    calls.exit();
  }

  @Test
  void toleratesAnUnmatchedExit() {
    calls.exit();

    assertThat(calls.enter(true)).isTrue();
    calls.exit();
  }

  @Test
  void isPerThread() throws Exception {
    calls.enter(true);
    try {
      boolean otherThreadRecords = CompletableFuture.supplyAsync(() -> {
        CallDepth other = CallDepth.current();
        boolean recorded = other.enter(true);
        other.exit();
        return recorded;
      }).get();

      assertThat(otherThreadRecords).isTrue();
    } finally {
      calls.exit();
    }
  }
}

package io.statusguard.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttemptScopeTest {
  private final AttemptScope scope = AttemptScope.current();

  @Test
  void aCallThatFailsBeforeAnyAttemptIsTheOuterLayersToReport() {
    int token = scope.enter();

    assertThat(scope.exit(token)).isTrue();
  }

  @Test
  void aCallWhoseAttemptWasReportedIsNotReportedAgain() {
    int token = scope.enter();
    scope.attemptReported(System.nanoTime());

    assertThat(scope.exit(token)).isFalse();
  }

  @Test
  void theFirstAttemptStartsWithTheCallAndEachNextOneWhenThePreviousEnded() {
    long before = System.nanoTime();
    int token = scope.enter();
    long first = scope.attemptStartNanos(Long.MIN_VALUE);
    scope.attemptReported(first + 1_000);
    long second = scope.attemptStartNanos(Long.MIN_VALUE);
    scope.exit(token);

    assertThat(first).isGreaterThanOrEqualTo(before);
    assertThat(second).isEqualTo(first + 1_000);
  }

  @Test
  void outsideAnyCallAnAttemptStartsWhenTheInnerLayerSaysSo() {
    scope.attemptReported(5);

    assertThat(scope.attemptStartNanos(42)).isEqualTo(42);
  }

  @Test
  void nestedCallsKeepTheOutermostAttemptStartAndToleratesAnUnmatchedExit() {
    int outer = scope.enter();
    long start = scope.attemptStartNanos(0);
    int inner = scope.enter();

    assertThat(scope.attemptStartNanos(0)).isEqualTo(start);
    assertThat(scope.exit(inner)).isTrue();
    assertThat(scope.exit(outer)).isTrue();
    assertThat(scope.exit(outer)).isTrue();
    assertThat(scope.attemptStartNanos(7)).isEqualTo(7);
  }
}

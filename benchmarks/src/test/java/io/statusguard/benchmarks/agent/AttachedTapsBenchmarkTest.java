package io.statusguard.benchmarks.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AttachedTapsBenchmarkTest {

  @Test
  void theLookedUpCarrierHasNoTapWhileTheOpenTapsAreFound() {
    for (String openTaps : new String[] {"none", "one", "full"}) {
      AttachedTapsBenchmark benchmark = open(openTaps);
      try {
        assertThat(benchmark.findForCarrierWithoutTap()).as(openTaps).isNull();
        for (int i = 0; i < benchmark.carriers.size(); i++) {
          assertThat(AttachedTaps.find(benchmark.carriers.get(i))).as(openTaps).isSameAs(benchmark.taps.get(i));
        }
      } finally {
        benchmark.endTaps();
      }
    }
    assertThat(AttachedTaps.isEmpty()).as("every tap detached").isTrue();
  }

  @Test
  void aTableAlreadyHoldingATapCannotBeFilledAndSaysWhy() {
    AttachedTapsBenchmark one = open("one");
    try {
      assertThatThrownBy(() -> open("full"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the table took 1023 taps");
    } finally {
      one.endTaps();
    }
  }

  @Test
  void aFullTableLeavesNoSlotForAnotherCarrier() {
    AttachedTapsBenchmark benchmark = open("full");
    try {
      long refusedBefore = AttachedTaps.refusedCount();
      BodyTap tap = BodyTap.create(ResponseObservation.ofHttpClient("GET", URI.create("https://h.example/x"), 404,
          null, 0, 1, "application/json"), null, ended -> { });
      AttachedTaps.attach(new Object(), tap);
      assertThat(AttachedTaps.refusedCount()).isEqualTo(refusedBefore + 1);
      assertThat(tap.isEnded()).isTrue();
    } finally {
      benchmark.endTaps();
    }
  }

  private static AttachedTapsBenchmark open(String openTaps) {
    AttachedTapsBenchmark benchmark = new AttachedTapsBenchmark();
    benchmark.openTaps = openTaps;
    benchmark.openTaps();
    return benchmark;
  }
}

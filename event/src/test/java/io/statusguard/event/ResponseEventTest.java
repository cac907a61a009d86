package io.statusguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResponseEventTest {
  private final ResponseEvent full = ResponseEventEncoderTest.everyField();

  @Test
  void withTimingKeepsEveryOtherValue() {
    ResponseEvent later = full.withTiming(1_790_000_060_000L, 7);

    assertThat(later).isEqualTo(full.toBuilder().timeUnixMs(1_790_000_060_000L).durationMicros(7).build());
    assertThat(later.timeUnixMs()).isEqualTo(1_790_000_060_000L);
    assertThat(later.durationMicros()).isEqualTo(7);
  }

  @Test
  void withTimingRejectsANegativeDuration() {
    assertThatThrownBy(() -> full.withTiming(1_790_000_060_000L, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative duration");
  }
}

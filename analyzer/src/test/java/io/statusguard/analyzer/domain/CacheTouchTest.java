package io.statusguard.analyzer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheTouchTest {
  private static final long NOW = 1_790_000_000_000L;

  private final CacheTouch touch = new CacheTouch();

  @Test
  void asksToTellTheCacheOfAnEntryItHasNotToldYet() {
    assertThat(touch.untoldHit(NOW)).isFalse();
  }

  @Test
  void letsHitsPassUntoldUpToTheirLimit() {
    touch.told(NOW);

    int untold = 0;
    while (touch.untoldHit(NOW)) {
      untold++;
    }

    assertThat(untold).isEqualTo(CacheTouch.UNTOLD_HITS - 1);
    touch.told(NOW);
    assertThat(touch.untoldHit(NOW)).isTrue();
  }

  @Test
  void letsNewClockReadingsWithinItsIntervalPassUntold() {
    touch.told(NOW);

    assertThat(touch.untoldHit(NOW + 1)).isTrue();
    assertThat(touch.untoldHit(NOW + CacheTouch.TELL_EVERY_MILLIS - 1)).isTrue();
  }

  @Test
  void asksToTellTheCacheOnceItsIntervalPassed() {
    touch.told(NOW);

    assertThat(touch.untoldHit(NOW + CacheTouch.TELL_EVERY_MILLIS)).isFalse();
  }
}

package io.statusguard.simulator.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceIdsTest {

  @Test
  void mintsTwentyTwoBase64UrlCharactersRepeatablyPerSeed() {
    ResourceIds first = ResourceIds.seeded(42);
    ResourceIds second = ResourceIds.seeded(42);

    String id = first.next();

    assertThat(id).matches("[A-Za-z0-9_-]{22}");
    assertThat(ResourceIds.isWellFormed(id)).isTrue();
    assertThat(second.next()).isEqualTo(id);
  }

  @Test
  void recognisesOnlyTheProviderShape() {
    assertThat(ResourceIds.isWellFormed("A0oH0E4EiWloxnwr75liQg")).isTrue();
    assertThat(ResourceIds.isWellFormed("A0oH0E4EiWloxnwr75liQ")).isFalse();
    assertThat(ResourceIds.isWellFormed("A0oH0E4EiWloxnwr75liQ=")).isFalse();
    assertThat(ResourceIds.isWellFormed(null)).isFalse();
  }

  @Test
  void digitsNeverStartWithZero() {
    ResourceIds ids = ResourceIds.seeded(3);
    for (int i = 0; i < 200; i++) {
      assertThat(ids.nextDigits(6)).matches("[1-9][0-9]{5}");
    }
  }
}

package io.statusguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaVersionTest {
  @Test
  void readsTheMajorOfMajorDotMinor() {
    assertThat(SchemaVersion.majorOf("1.0")).isEqualTo(1);
    assertThat(SchemaVersion.majorOf("1.7")).isEqualTo(1);
    assertThat(SchemaVersion.majorOf("2.0")).isEqualTo(2);
    assertThat(SchemaVersion.majorOf("3")).isEqualTo(3);
  }

  @Test
  void answersMinusOneForAnythingElse() {
    assertThat(SchemaVersion.majorOf(null)).isEqualTo(-1);
    assertThat(SchemaVersion.majorOf("")).isEqualTo(-1);
    assertThat(SchemaVersion.majorOf("v1")).isEqualTo(-1);
    assertThat(SchemaVersion.majorOf("1.x")).isEqualTo(-1);
    assertThat(SchemaVersion.majorOf("99999999999999999999")).isEqualTo(-1);
  }
}

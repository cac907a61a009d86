package io.statusguard.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPatternTest {
  @ParameterizedTest
  @CsvSource({
      "*,                 anything.example, true",
      "api.example,       API.Example,      true",
      "api.example,       api.example.org,  false",
      "*.example,         a.b.example,      true",
      "*.example,         example,          false",
      "api-*.example,     api-eu-1.example, true",
      "api-*.example,     api.example,      false",
      "10.0.*.*,          10.0.3.7,         true",
      "*a*b*c,            xxaxxbxxc,        true",
      "*a*b*c,            xxaxxcxxb,        false",
      "::1,               ::1,              true",
      "fd00::*,           fd00::7,          true",
  })
  void matchesHostsCaseInsensitivelyWithStarsForAnyRun(String glob, String host,
      boolean matches) {
    assertThat(HostPattern.of(glob).matches(host)).isEqualTo(matches);
  }

  @Test
  void aLoneStarIsTheAnyPattern() {
    assertThat(HostPattern.of("*")).isSameAs(HostPattern.any());
    assertThat(HostPattern.any().matchesAny()).isTrue();
    assertThat(HostPattern.of("**").matchesAny()).isFalse();
  }

  @Test
  void manyStarsStayCheap() {
    HostPattern pattern = HostPattern.of("*a".repeat(100) + "b");

    assertThat(pattern.matches("a".repeat(200))).isFalse();
  }

  @Test
  void rejectsSchemesPathsAndEmptyGlobs() {
    assertThatThrownBy(() -> HostPattern.of("https://api.example"))
        .hasMessageContaining("has '/'").isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostPattern.of("api.example:8443")).hasMessageContaining("has a port");
    assertThatThrownBy(() -> HostPattern.of("[::1]")).hasMessageContaining("has '['");
    assertThatThrownBy(() -> HostPattern.of("api.example/v1")).hasMessageContaining("has '/'");
    assertThatThrownBy(() -> HostPattern.of("")).hasMessageContaining("1 to 255");
  }
}

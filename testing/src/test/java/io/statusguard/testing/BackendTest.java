package io.statusguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class BackendTest {

  @Test
  void defaultIsEmbeddedWhenNothingIsConfigured() {
    assertThat(Backend.DEFAULT.resolve(Optional.empty())).isEqualTo(Backend.EMBEDDED);
  }

  @Test
  void defaultFollowsTheConfiguredNameInAnyCase() {
    assertThat(Backend.DEFAULT.resolve(Optional.of("TestContainers")))
        .isEqualTo(Backend.TESTCONTAINERS);
    assertThat(Backend.DEFAULT.resolve(Optional.of(" embedded "))).isEqualTo(Backend.EMBEDDED);
  }

  @Test
  void explicitBackendIgnoresTheConfiguredName() {
    assertThat(Backend.EMBEDDED.resolve(Optional.of("testcontainers"))).isEqualTo(Backend.EMBEDDED);
  }

  @Test
  void unknownConfiguredNameIsAConfigurationError() {
    assertThatThrownBy(() -> Backend.DEFAULT.resolve(Optional.of("docker")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(Backend.PROPERTY)
        .hasMessageContaining("docker");
  }
}

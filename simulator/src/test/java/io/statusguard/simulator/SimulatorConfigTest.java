package io.statusguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {
  private final SimulatorConfig defaults = SimulatorConfig.defaults();

  @Test
  void defaultsMatchTheDocumentedValues() {
    assertThat(defaults.port()).isZero();
    assertThat(defaults.clientIds()).containsExactly("A0oH0E4EiWloxnwr75liQg");
    assertThat(defaults.referenceLookupWindow()).isEqualTo(Duration.ofHours(24));
    assertThat(defaults.minPollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.requestsPerSecondLimit()).isZero();
    assertThat(defaults.unknownOutcomeProbability()).isEqualTo(0.01);
    assertThat(defaults.transactionLimit()).isEqualByComparingTo("10000");
    assertThat(defaults.blockPolicy()).isEqualTo(BlockPolicy.defaults());
  }

  @Test
  void copiesChangeOneValue() {
    SimulatorConfig changed = defaults.withPort(8080).withSeed(9).withMaxTransactions(5);

    assertThat(changed.port()).isEqualTo(8080);
    assertThat(changed.seed()).isEqualTo(9);
    assertThat(changed.maxTransactions()).isEqualTo(5);
    assertThat(changed.withPort(0)).isEqualTo(defaults.withSeed(9).withMaxTransactions(5));
  }

  @Test
  void rejectsInvalidValuesWithClearMessages() {
    assertThatThrownBy(() -> defaults.withPort(70000))
        .hasMessageContaining("port").hasMessageContaining("70000");
    assertThatThrownBy(() -> defaults.withClientIds(List.of("short")))
        .hasMessageContaining("22 characters").hasMessageContaining("short");
    assertThatThrownBy(() -> defaults.withClientIds(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> defaults.withUnknownOutcomeProbability(1.5)).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> defaults.withTransactionLimit(BigDecimal.ZERO)).hasMessageContaining("positive");
    assertThatThrownBy(() -> defaults.withMinPollInterval(Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> defaults.withBearerToken("has space")).hasMessageContaining("bearerToken");
    assertThatThrownBy(() -> defaults.withWorkerThreads(0)).hasMessageContaining("workerThreads");
  }

  @Test
  void toStringLeavesTheTokenOut() {
    assertThat(defaults.withBearerToken("s3cr3t-token").toString()).doesNotContain("s3cr3t-token");
  }
}

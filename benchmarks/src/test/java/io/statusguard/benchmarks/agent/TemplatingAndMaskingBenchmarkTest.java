package io.statusguard.benchmarks.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplatingAndMaskingBenchmarkTest {
  private final TemplatingAndMaskingBenchmark benchmark = new TemplatingAndMaskingBenchmark();

  @Test
  void measuresWhatReachesTheEvent() {
    benchmark.setUp();

    assertThat(benchmark.providerRoute().template())
        .isEqualTo("/v1/clients/{ClientID}/transactions/{TransactionID}");
    assertThat(benchmark.genericPathWithIds().template()).isEqualTo("/orders/{id}/items/{id}");
    assertThat(benchmark.cardNumberPath().toString())
        .startsWith("/v2/cards/{id}/check")
        .doesNotContain("4111", "123");
    assertThat(benchmark.errorMessageWithCardAndToken())
        .isEqualTo("Card [card] (cvv [cvv]) declined for Bearer [token]");
    assertThat(benchmark.cleanErrorMessage())
        .isSameAs(TemplatingAndMaskingBenchmark.CLEAN_ERROR_MESSAGE);
  }
}

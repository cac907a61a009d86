package io.statusguard.benchmarks.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventPublishingBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {"url-string", "uri"})
  void publishesEachTargetAsATemplatedEvent(String targetForm) {
    EventPublishingBenchmark benchmark = new EventPublishingBenchmark();
    benchmark.targetForm = targetForm;
    benchmark.setUp();

    assertThat(json(benchmark.providerRoute()))
        .contains("\"/v1/clients/{ClientID}/transactions/{TransactionID}\"", "RetrieveTransaction")
        // The provider's own identifiers travel in their fields (for polling), never in the template.
        .contains("\"provider.resource_id\":\"TX-98431\"")
        .doesNotContain("transactions/TX-98431");
    assertThat(json(benchmark.genericPathWithIds()))
        .contains("\"/orders/{id}/items/{id}\"")
        .doesNotContain("8423911", "3f2b8c1e");
    assertThat(json(benchmark.cardNumberPath()))
        .contains("\"/v2/cards/{id}/verify\"")
        .doesNotContain("4111111111111111", "cvv=", "=123");
  }

  private static String json(byte[] event) {
    return new String(event, StandardCharsets.UTF_8);
  }
}

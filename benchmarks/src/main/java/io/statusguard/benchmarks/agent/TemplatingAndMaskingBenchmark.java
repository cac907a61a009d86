package io.statusguard.benchmarks.agent;

import io.statusguard.agent.endpoint.Endpoint;
import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.agent.endpoint.ProviderRoutes;
import io.statusguard.agent.secret.SecretScrubber;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What keeping identifiers and secrets out of an event costs the publisher thread per event: templating
 * a request target (a provider route, a generic path with IDs, a path with a card number in a segment)
 * and masking an error message (one with a card number, a CVV and a bearer token, and a clean one,
 * which is the common case). The whole event, encoding included, is {@link EventPublishingBenchmark}.
 *
 * <p>Run: {@code java -jar benchmarks/target/statusguard-benchmarks.jar TemplatingAndMasking -f 1 -wi 3
 * -i 5}; add {@code -prof gc} for allocations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class TemplatingAndMaskingBenchmark {
  static final String HOST = "api.provider.example";
  static final String PROVIDER_ROUTE_PATH =
      "/v1/clients/A0oH0E4EiWloxnwr75liQg/transactions/Zx9kP0aQ1bR2cS3dT4eU5f";
  static final String GENERIC_PATH_WITH_IDS =
      "/orders/8423911/items/3f2b8c1e-9a4d-4c55-b1f7-2d7e0c9a6b11";
  static final String GENERIC_QUERY = "page=2&expand=refunds";
  static final String CARD_NUMBER_PATH = "/v2/cards/4111-1111-1111-1111/check";
  static final String CARD_NUMBER_QUERY = "cvv=123&amount=1000";
  static final String ERROR_MESSAGE_WITH_SECRETS =
      "Card 4111 1111 1111 1111 (cvv 123) declined for Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx"
          + "In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
  static final String CLEAN_ERROR_MESSAGE = "Transaction Limit exceeded for ClientID";

  private EndpointTemplater templater;

  @Setup
  public void setUp() {
    templater = EndpointTemplater.create(ProviderRoutes.builtIn());
  }

  @Benchmark
  public Endpoint providerRoute() {
    return templater.template("GET", HOST, 443, PROVIDER_ROUTE_PATH, null);
  }

  @Benchmark
  public Endpoint genericPathWithIds() {
    return templater.template("GET", HOST, 443, GENERIC_PATH_WITH_IDS, GENERIC_QUERY);
  }

  @Benchmark
  public Endpoint cardNumberPath() {
    return templater.template("POST", HOST, 443, CARD_NUMBER_PATH, CARD_NUMBER_QUERY);
  }

  @Benchmark
  public String errorMessageWithCardAndToken() {
    return SecretScrubber.scrub(ERROR_MESSAGE_WITH_SECRETS);
  }

  @Benchmark
  public String cleanErrorMessage() {
    return SecretScrubber.scrub(CLEAN_ERROR_MESSAGE);
  }
}

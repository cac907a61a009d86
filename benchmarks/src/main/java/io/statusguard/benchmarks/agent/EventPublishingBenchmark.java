package io.statusguard.benchmarks.agent;

import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.agent.endpoint.ProviderRoutes;
import io.statusguard.agent.pipeline.PublisherSteps;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the publisher thread spends per event before Kafka: parsing the target, templating the endpoint
 * (which is also what keeps IDs, card numbers and query values out of the event), building the event
 * and encoding it as JSON. Three targets: a provider route, a generic path with IDs, and a path with a
 * card number; each as OkHttp holds it (a URL string) and as the JDK client does (a {@link URI}).
 *
 * <p>Run: {@code java -jar benchmarks/target/statusguard-benchmarks.jar EventPublishingBenchmark
 * -prof gc}; one target form only: add {@code -p targetForm=url-string}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class EventPublishingBenchmark {
  static final String PROVIDER_ROUTE =
      "https://api.provider.example/v1/clients/CL-1029/transactions/TX-98431";
  static final String GENERIC_PATH_WITH_IDS = "https://api.ledger.example/orders/8423911/items/"
      + "3f2b8c1e-9a4d-4c55-b1f7-2d7e0c9a6b11?page=2&expand=refunds";
  static final String CARD_NUMBER_PATH =
      "https://api.cards.example/v2/cards/4111111111111111/verify?cvv=123&amount=1000";

  /** How the instrumented client holds the target: OkHttp's URL string or the JDK client's URI. */
  @Param({"url-string", "uri"})
  public String targetForm;

  private Function<ResponseObservation, ResponseEvent> assembler;
  /** As the publisher thread encodes: into one buffer it keeps. */
  private final ResponseEventEncoder.Reusable encoder = ResponseEventEncoder.reusable();
  private ResponseObservation providerRoute;
  private ResponseObservation genericPathWithIds;
  private ResponseObservation cardNumberPath;

  @Setup
  public void setUp() {
    assembler = PublisherSteps.assembler("payments-api", "pod-1:4242", "203.0.113.10",
        EndpointTemplater.create(ProviderRoutes.builtIn()));
    providerRoute = observation("GET", PROVIDER_ROUTE, 404);
    genericPathWithIds = observation("GET", GENERIC_PATH_WITH_IDS, 200);
    cardNumberPath = observation("POST", CARD_NUMBER_PATH, 422);
  }

  @Benchmark
  public byte[] providerRoute() {
    return publish(providerRoute);
  }

  @Benchmark
  public byte[] genericPathWithIds() {
    return publish(genericPathWithIds);
  }

  @Benchmark
  public byte[] cardNumberPath() {
    return publish(cardNumberPath);
  }

  private byte[] publish(ResponseObservation observation) {
    return encoder.encode(assembler.apply(observation));
  }

  private ResponseObservation observation(String method, String url, int status) {
    long endNanos = System.nanoTime();
    long startNanos = endNanos - TimeUnit.MILLISECONDS.toNanos(42);
    String contentType = "application/json; charset=utf-8";
    switch (targetForm) {
      case "url-string":
        return ResponseObservation.ofUrlString(ResponseObservation.OKHTTP, method, url, status, null,
            startNanos, endNanos, contentType);
      case "uri":
        return ResponseObservation.ofHttpClient(method, URI.create(url), status, null, startNanos,
            endNanos, contentType);
      default:
        throw new IllegalArgumentException("unknown target form " + targetForm);
    }
  }
}

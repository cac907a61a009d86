package io.statusguard.agent.instrumentation;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSink;
import io.statusguard.agent.instrumentation.jdkhttp.ExchangeCompletion;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The sink the instrumented JDK code reports to while the agent runs: observations go straight to
 * {@code observations} (a bounded, non-blocking queue), exchanges of the JDK HTTP client get a
 * completion callback that produces them. Thread-safe; never throws.
 */
public final class ResponseRecorder implements ResponseSink {
  private final Consumer<ResponseObservation> observations;

  public ResponseRecorder(Consumer<ResponseObservation> observations) {
    this.observations = Objects.requireNonNull(observations, "observations");
  }

  @Override
  public void onResponse(ResponseObservation observation) {
    observations.accept(observation);
  }

  @Override
  public void onExchange(CompletableFuture<?> response, String method, URI uri, long startNanos) {
    ExchangeCompletion.attach(response, method, uri, startNanos, observations);
  }

  @Override
  public BodyTap onResponseBody(ResponseObservation observation, String contentEncoding) {
    onResponse(observation);
    return null;
  }
}

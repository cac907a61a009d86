package io.statusguard.agent.instrumentation;

import io.statusguard.agent.body.CapturePolicy;
import io.statusguard.agent.body.PendingBodies;
import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSink;
import io.statusguard.agent.instrumentation.jdkhttp.HttpClientExchange;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The sink the instrumented JDK code reports to while the agent runs: observations go straight to
 * {@code observations} (a bounded, non-blocking queue), exchanges of the JDK HTTP client get a
 * stand-in body handler that produces them, and the error bodies {@code policy} wants get a tap from
 * {@code pendingBodies}, whose observation follows once the body ends. Thread-safe; never throws.
 */
public final class ResponseRecorder implements ResponseSink {
  private final Consumer<ResponseObservation> observations;
  private final CapturePolicy policy;
  private final PendingBodies pendingBodies;

  /** A recorder that captures no body. */
  public ResponseRecorder(Consumer<ResponseObservation> observations) {
    this(observations, CapturePolicy.NONE, null);
  }

  /** A recorder that taps the bodies {@code policy} wants, while {@code pendingBodies} has room. */
  public ResponseRecorder(Consumer<ResponseObservation> observations, CapturePolicy policy,
      PendingBodies pendingBodies) {
    this.observations = Objects.requireNonNull(observations, "observations");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.pendingBodies = pendingBodies;
  }

  @Override
  public void onResponse(ResponseObservation observation) {
    observations.accept(observation);
  }

  @Override
  public Object onExchange(String method, URI uri, Object bodyHandler, long startNanos) {
    return HttpClientExchange.observe(method, uri, bodyHandler, startNanos, this);
  }

  @Override
  public BodyTap onResponseBody(ResponseObservation observation, String contentEncoding) {
    if (pendingBodies == null || !policy.wants(observation)) {
      observations.accept(observation);
      return null;
    }
    return pendingBodies.open(observation, contentEncoding);
  }
}

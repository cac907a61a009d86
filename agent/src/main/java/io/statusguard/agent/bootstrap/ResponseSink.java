package io.statusguard.agent.bootstrap;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Where instrumented JDK code reports responses. Called on application threads (and on the JDK HTTP
 * client's threads), so implementations must be fast, must not block, must never throw and must not
 * call back into an HTTP client: the same contract as OkHttp's {@code EventListener}.
 *
 * <p>This type is injected into the bootstrap class loader and may reference JDK types only.
 */
public interface ResponseSink {
  /** Discards everything: the sink before the agent starts and after it stops. */
  ResponseSink NONE = DiscardingSink.INSTANCE;

  /** One physical response (or failed attempt) has been observed. */
  void onResponse(ResponseObservation observation);

  /**
   * The JDK HTTP client started an exchange whose outcome {@code response} will carry; the sink attaches
   * to it and reports one observation per physical response once it completes.
   */
  void onExchange(CompletableFuture<?> response, String method, URI uri, long startNanos);

  /**
   * One physical response whose body the application may read next. Returns null when the body is of no
   * interest (then the observation has been reported as by {@link #onResponse}); otherwise a tap that
   * the instrumentation feeds with the bytes the application reads, and the observation is reported,
   * with what the tap captured, once the tap ends or the agent stops waiting for it. {@code
   * contentEncoding} is the Content-Encoding of the bytes the tap will see, null when already decoded.
   */
  BodyTap onResponseBody(ResponseObservation observation, String contentEncoding);
}

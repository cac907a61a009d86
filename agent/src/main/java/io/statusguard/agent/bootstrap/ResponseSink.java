package io.statusguard.agent.bootstrap;

import java.net.URI;

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
   * The JDK HTTP client starts an exchange for {@code method} {@code uri} whose response body the
   * application's {@code bodyHandler} (a {@code java.net.http.HttpResponse.BodyHandler}) reads. Returns
   * the handler the client uses instead: {@code bodyHandler} itself, or an {@link ObservedExchange}
   * that passes everything through unchanged, sees the final response (and its body, through {@link
   * #onResponseBody}) and reports one observation per physical response.
   */
  Object onExchange(String method, URI uri, Object bodyHandler, long startNanos);

  /**
   * One physical response whose body the application may read next. Returns null when the body is of no
   * interest (then the observation has been reported as by {@link #onResponse}); otherwise a tap that
   * the instrumentation feeds with the bytes the application reads, and the observation is reported,
   * with what the tap captured, once the tap ends or the agent stops waiting for it. {@code
   * contentEncoding} is the Content-Encoding of the bytes the tap will see, null when already decoded.
   */
  BodyTap onResponseBody(ResponseObservation observation, String contentEncoding);
}

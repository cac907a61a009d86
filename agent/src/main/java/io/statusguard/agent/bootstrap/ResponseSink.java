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
}

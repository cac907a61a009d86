package io.statusguard.agent.instrumentation.jdkhttp;

import io.statusguard.agent.bootstrap.ResponseObservation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns the outcome of one JDK HTTP client exchange into observations: one per response in the
 * {@code previousResponse()} chain, oldest first (each followed redirect was a physical attempt), or one
 * failed attempt when the exchange completed exceptionally.
 *
 * <p>Runs on whichever thread completes the exchange (often the client's selector thread), so it only
 * reads the response objects and hands observations on; it never throws. The client reports no per-hop
 * times, so every observation of a chain spans the whole exchange.
 */
public final class ExchangeCompletion implements BiConsumer<Object, Throwable> {
  /** More hops than the JDK ever follows (its default limit is 5); bounds the walk over the chain. */
  static final int MAX_RESPONSES = 16;

  private final String method;
  private final URI uri;
  private final long startNanos;
  private final Consumer<ResponseObservation> observations;

  private ExchangeCompletion(String method, URI uri, long startNanos,
      Consumer<ResponseObservation> observations) {
    this.method = method;
    this.uri = uri;
    this.startNanos = startNanos;
    this.observations = observations;
  }

  /** Reports the outcome of {@code response} to {@code observations} once it completes. */
  public static void attach(CompletableFuture<?> response, String method, URI uri, long startNanos,
      Consumer<ResponseObservation> observations) {
    // The stage whenComplete returns is dropped on purpose: the application's future is untouched.
    response.whenComplete(new ExchangeCompletion(method, uri, startNanos, observations));
  }

  @Override
  public void accept(Object result, Throwable failure) {
    try {
      long endNanos = System.nanoTime();
      if (result instanceof HttpResponse) {
        reportChain((HttpResponse<?>) result, endNanos);
      } else {
        observations.accept(ResponseObservation.ofHttpClient(method, uri, 0, failure, startNanos,
            endNanos, null));
      }
    } catch (RuntimeException | LinkageError e) {
      // Never disturb the client's completion thread.
    }
  }

  private void reportChain(HttpResponse<?> last, long endNanos) {
    if (previous(last) == null) {
      report(last, endNanos);
      return;
    }
    HttpResponse<?>[] chain = new HttpResponse<?>[MAX_RESPONSES];
    int count = 0;
    for (HttpResponse<?> hop = last; hop != null && count < MAX_RESPONSES; hop = previous(hop)) {
      chain[count++] = hop;
    }
    for (int i = count - 1; i >= 0; i--) {
      report(chain[i], endNanos);
    }
  }

  private void report(HttpResponse<?> response, long endNanos) {
    HttpRequest request = response.request();
    observations.accept(ResponseObservation.ofHttpClient(request.method(), request.uri(),
        response.statusCode(), null, startNanos, endNanos, contentType(response)));
  }

  private static HttpResponse<?> previous(HttpResponse<?> response) {
    Optional<? extends HttpResponse<?>> previous = response.previousResponse();
    return previous.isPresent() ? previous.get() : null;
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("content-type").orElse(null);
  }
}

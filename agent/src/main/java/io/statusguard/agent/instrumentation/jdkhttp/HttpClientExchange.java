package io.statusguard.agent.instrumentation.jdkhttp;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ObservedExchange;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSink;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * One exchange of {@code java.net.http.HttpClient}, standing in for the application's body handler:
 * it reports each response of the exchange once and in order, the final one through {@link
 * ResponseSink#onResponseBody} when its body may be captured, so that the tap sees the bytes
 * delivered to the application's subscriber. What the advice did not show it (a failure before the
 * final response, say) is reported when the exchange completes.
 *
 * <p>Its methods run on the client's threads and the application's; the fields that cross threads
 * are volatile. Nothing here throws into the client: the application's own handler and subscriber
 * exceptions pass through unchanged, the agent's are swallowed.
 */
public final class HttpClientExchange<T>
    implements BodyHandler<T>, ObservedExchange, BiConsumer<Object, Throwable> {
  /** More hops than the JDK ever follows (its default limit is 5); bounds the walk over the chain. */
  static final int MAX_RESPONSES = 16;

  private final String method;
  private final URI uri;
  private final BodyHandler<T> application;
  private final long startNanos;
  private final ResponseSink sink;
  private volatile String finalMethod;
  private volatile URI finalUri;
  private volatile boolean previousResponsesReported;
  private volatile boolean finalResponseReported;

  private HttpClientExchange(String method, URI uri, BodyHandler<T> application, long startNanos,
      ResponseSink sink) {
    this.method = method;
    this.uri = uri;
    this.application = application;
    this.startNanos = startNanos;
    this.sink = sink;
  }

  /**
   * The handler the client uses for an exchange whose body {@code bodyHandler} reads: an exchange
   * that reports to {@code sink}, or {@code bodyHandler} itself when it is not a body handler (null).
   */
  public static Object observe(String method, URI uri, Object bodyHandler, long startNanos,
      ResponseSink sink) {
    if (!(bodyHandler instanceof BodyHandler)) {
      return bodyHandler;
    }
    return new HttpClientExchange<>(method, uri, (BodyHandler<?>) bodyHandler, startNanos, sink);
  }

  @Override
  public void started(CompletableFuture<?> response) {
    // The stage whenComplete returns is dropped on purpose: the application's future is untouched.
    response.whenComplete(this);
  }

  @Override
  public void finalResponse(String method, URI uri, Object previousResponse) {
    try {
      if (previousResponsesReported) {
        return;
      }
      finalMethod = method;
      finalUri = uri;
      previousResponsesReported = true;
      if (previousResponse instanceof HttpResponse) {
        reportChain((HttpResponse<?>) previousResponse, System.nanoTime());
      }
    } catch (RuntimeException | LinkageError e) {
      // Never disturb the client.
    }
  }

  /**
   * Called by the client once per exchange, with the final response's head. The application's handler
   * runs first, so that whatever it throws reaches the client as it would without the agent.
   */
  @Override
  public BodySubscriber<T> apply(ResponseInfo response) {
    BodySubscriber<T> subscriber = application.apply(response);
    try {
      return observe(response, subscriber);
    } catch (RuntimeException | LinkageError e) {
      return subscriber;
    }
  }

  private BodySubscriber<T> observe(ResponseInfo response, BodySubscriber<T> subscriber) {
    URI target = finalUri;
    // Without the final request (the advice did not run) the completion reports the response. A
    // null subscriber fails the exchange.
    if (target == null || subscriber == null || finalResponseReported) {
      return subscriber;
    }
    finalResponseReported = true;
    int status = response.statusCode();
    HttpHeaders headers = response.headers();
    ResponseObservation observation = ResponseObservation.ofHttpClient(finalMethod, target, status,
        null, startNanos, System.nanoTime(), headers.firstValue("content-type").orElse(null));
    if (!BodyTap.mayCapture(status)) {
      sink.onResponse(observation);
      return subscriber;
    }
    // The client never decodes a Content-Encoding: the subscriber gets the bytes as sent.
    BodyTap tap = sink.onResponseBody(observation,
        headers.firstValue("content-encoding").orElse(null));
    return tap == null ? subscriber : new TappedBodySubscriber<>(subscriber, tap);
  }

  /** The exchange completed: reports what {@link #finalResponse} and {@link #apply} did not. */
  @Override
  public void accept(Object result, Throwable failure) {
    try {
      long endNanos = System.nanoTime();
      if (result instanceof HttpResponse) {
        HttpResponse<?> last = (HttpResponse<?>) result;
        if (!previousResponsesReported) {
          reportChain(previous(last), endNanos);
        }
        if (!finalResponseReported) {
          report(last, endNanos);
        }
      } else if (!finalResponseReported) {
        // The last attempt failed: after a redirect, it went to the final request's target.
        URI target = finalUri;
        sink.onResponse(target == null
            ? ResponseObservation.ofHttpClient(method, uri, 0, failure, startNanos, endNanos, null)
            : ResponseObservation.ofHttpClient(finalMethod, target, 0, failure, startNanos,
                endNanos, null));
      }
    } catch (RuntimeException | LinkageError e) {
      // Never disturb the client's completion thread.
    }
  }

  /**
   * Reports {@code newest} and the responses before it, oldest first. The client reports no per-hop
   * times, so each of them spans the exchange up to {@code endNanos}.
   */
  private void reportChain(HttpResponse<?> newest, long endNanos) {
    if (newest == null) {
      return;
    }
    if (previous(newest) == null) {
      report(newest, endNanos);
      return;
    }
    HttpResponse<?>[] chain = new HttpResponse<?>[MAX_RESPONSES];
    int count = 0;
    for (HttpResponse<?> hop = newest; hop != null && count < MAX_RESPONSES; hop = previous(hop)) {
      chain[count++] = hop;
    }
    for (int i = count - 1; i >= 0; i--) {
      report(chain[i], endNanos);
    }
  }

  private void report(HttpResponse<?> response, long endNanos) {
    HttpRequest request = response.request();
    sink.onResponse(ResponseObservation.ofHttpClient(request.method(), request.uri(),
        response.statusCode(), null, startNanos, endNanos,
        response.headers().firstValue("content-type").orElse(null)));
  }

  private static HttpResponse<?> previous(HttpResponse<?> response) {
    Optional<? extends HttpResponse<?>> previous = response.previousResponse();
    return previous.isPresent() ? previous.get() : null;
  }
}

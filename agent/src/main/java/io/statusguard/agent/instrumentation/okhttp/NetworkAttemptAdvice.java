package io.statusguard.agent.instrumentation.okhttp;

import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Inlined into {@code ConnectInterceptor.intercept(Chain)}, which finds (or opens) a connection and
 * then proceeds through the network interceptors to the exchange on the wire. It returns the
 * response of one physical attempt, or throws what ended it: a connection refused, a TLS handshake
 * or a timeout before any response (wrapped in OkHttp's {@code RouteException} where it connects).
 * The request it is given is the one on the wire, redirect target and retry included.
 *
 * <p>Inlined code runs in the application's class loader, where OkHttp's types and the agent's
 * bootstrap types are both visible. {@code HttpUrl.toString()} returns the URL OkHttp already holds;
 * it is parsed on the publisher thread.
 */
final class NetworkAttemptAdvice {
  private NetworkAttemptAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter long startNanos,
      @Advice.Argument(0) Interceptor.Chain chain,
      @Advice.Return Response response,
      @Advice.Thrown Throwable thrown) {
    long endNanos = System.nanoTime();
    Request request = chain.request();
    ResponseSinks.active().onResponse(ResponseObservation.ofUrlString(ResponseObservation.OKHTTP,
        request.method(), request.url().toString(), response == null ? 0 : response.code(), thrown,
        startNanos, endNanos, response == null ? null : response.header("Content-Type")));
  }
}

package io.statusguard.agent.instrumentation.okhttp;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

/**
 * Inlined into {@code ConnectInterceptor.intercept(Chain)}, which finds (or opens) a connection and
 * then proceeds through the network interceptors to the exchange on the wire. It returns the
 * response of one physical attempt, or throws what ended it: a connection refused, a TLS handshake
 * or a timeout before any response (wrapped in OkHttp's {@code RouteException} where it connects).
 * The request it is given is the one on the wire, redirect target and retry included.
 *
 * <p>When the sink wants the body of the response (an error from a profiled host), the response
 * goes on up the chain with its body read through a {@link BodyTap}: same content type, same
 * length, same bytes, and closing it closes the network body. The bytes are still in the response's
 * {@code Content-Encoding} here, below the transparent gunzip of {@code BridgeInterceptor}. The
 * wrapping uses only OkHttp's and Okio's public static factories (the same in OkHttp 3.4 to 5.x and
 * Okio 1 to 3), so no class is defined in the application's loader.
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

  // ResponseBody.create(MediaType, long, BufferedSource) is the one form OkHttp 3 has; 4 and 5
  // deprecate it but keep it.
  @SuppressWarnings("deprecation")
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter long startNanos,
      @Advice.Argument(0) Interceptor.Chain chain,
      @Advice.Return(readOnly = false) Response response,
      @Advice.Thrown Throwable thrown) {
    long endNanos = System.nanoTime();
    Request request = chain.request();
    ResponseObservation observation = ResponseObservation.ofUrlString(ResponseObservation.OKHTTP,
        request.method(), request.url().toString(), response == null ? 0 : response.code(), thrown,
        startNanos, endNanos, response == null ? null : response.header("Content-Type"));
    ResponseBody body = response == null ? null : response.body();
    if (body == null || !BodyTap.mayCapture(response.code())) {
      ResponseSinks.active().onResponse(observation);
      return;
    }
    BodyTap tap = ResponseSinks.active().onResponseBody(observation,
        response.header("Content-Encoding"));
    if (tap != null) {
      ResponseBody tapped = ResponseBody.create(body.contentType(), body.contentLength(),
          Okio.buffer(Okio.source(BodyTap.tee(body.source().inputStream(), tap))));
      response = response.newBuilder().body(tapped).build();
    }
  }
}

package io.statusguard.agent.instrumentation.reactornetty;

import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.HttpClientState;

/**
 * Inlined into {@code HttpClientConnect.HttpIOHandlerObserver.onStateChange(Connection, State)}:
 * {@code RESPONSE_RECEIVED} arrives once per attempt, with the response's status and headers, just
 * before the attempt's outcome reaches the application. This records that response.
 *
 * <p>Inlined code runs in the library's class loader: it may touch library and bootstrap types only.
 */
final class ResponseReceivedAdvice {
  private ResponseReceivedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.Argument(0) Connection connection,
      @Advice.Argument(1) ConnectionObserver.State state,
      @Advice.FieldValue("handler") Object request) {
    if (state == HttpClientState.RESPONSE_RECEIVED && connection instanceof HttpClientResponse) {
      HttpClientResponse response = (HttpClientResponse) connection;
      long endNanos = System.nanoTime();
      ResponseSinks.active().onResponse(ResponseObservation.ofUrlString(
          ResponseObservation.REACTOR_NETTY, response.method().name(), response.resourceUrl(),
          response.status().code(), null, AttemptClock.startNanos(request, endNanos), endNanos,
          response.responseHeaders().get("content-type")));
    }
  }
}

package io.statusguard.agent.instrumentation.reactornetty;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.BodyTap;
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
 * before the attempt's outcome reaches the application. This records that response; when the sink
 * wants its body, the tap is attached to the connection's operations, whose {@code onInboundNext}
 * then hands the body to the application ({@link InboundContentAdvice}). The bytes are those after
 * any decompression the client does, which removes the {@code Content-Encoding} it decodes.
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
      int status = response.status().code();
      ResponseObservation observation = ResponseObservation.ofUrlString(
          ResponseObservation.REACTOR_NETTY, response.method().name(), response.resourceUrl(),
          status, null, AttemptClock.startNanos(request, endNanos), endNanos,
          response.responseHeaders().get("content-type"));
      if (BodyTap.mayCapture(status)) {
        AttachedTaps.attach(connection, ResponseSinks.active().onResponseBody(observation,
            response.responseHeaders().get("content-encoding")));
      } else {
        ResponseSinks.active().onResponse(observation);
      }
    }
  }
}

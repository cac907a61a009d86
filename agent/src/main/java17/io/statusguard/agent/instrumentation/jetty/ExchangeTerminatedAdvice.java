package io.statusguard.agent.instrumentation.jetty;

import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.HeldBodies;
import io.statusguard.agent.bootstrap.ResponseObservation;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpExchange;
import org.eclipse.jetty.client.transport.HttpRequest;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Inlined into {@code HttpExchange.terminateRequest()} and {@code terminateResponse()}: the one that
 * terminates the second half of the exchange returns its {@code Result}, which is recorded. A call
 * that found both halves terminated already returns a {@code Result} as well; it is not recorded
 * again. The body held for an error response ({@link ResponseHeadersAdvice}) goes with it: the
 * exchange ends once the application has had the body, or when it failed.
 *
 * <p>Inlined code runs in the library's class loader: it may touch library and bootstrap types only.
 * The states are of a private enum type, hence read by name.
 */
final class ExchangeTerminatedAdvice {
  private ExchangeTerminatedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static boolean enter(
      @Advice.FieldValue("requestState") Enum<?> requestState,
      @Advice.FieldValue("responseState") Enum<?> responseState) {
    return !requestState.name().equals("TERMINATED") || !responseState.name().equals("TERMINATED");
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.Enter boolean open,
      @Advice.This HttpExchange exchange,
      @Advice.Return Result result) {
    if (open && result != null) {
      HttpRequest request = exchange.getRequest();
      Response response = result.getResponse();
      long endNanos = System.nanoTime();
      HeldBodies.report(exchange, ResponseObservation.ofUri(
          ResponseObservation.JETTY_HTTP_CLIENT, request.getMethod(), request.getURI(),
          response.getStatus(), result.getFailure(), AttemptClock.startNanos(exchange, endNanos),
          endNanos, response.getHeaders().get(HttpHeader.CONTENT_TYPE)),
          result.getFailure() == null);
    }
  }
}

package io.statusguard.agent.instrumentation.jetty;

import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.transport.HttpExchange;
import org.eclipse.jetty.client.transport.HttpRequest;
import org.eclipse.jetty.client.transport.HttpResponse;

/**
 * Inlined into {@code HttpExchange.notifyFailureComplete(Throwable)}, where an exchange that failed
 * before it reached a connection (the connection could not be opened, or a timeout expired while it
 * waited for one) completes; such an exchange never terminates. Jetty calls it at most once per
 * exchange.
 *
 * <p>Inlined code runs in the library's class loader: it may touch library and bootstrap types only.
 */
final class ExchangeAbortedAdvice {
  private ExchangeAbortedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This HttpExchange exchange, @Advice.Argument(0) Throwable failure) {
    HttpRequest request = exchange.getRequest();
    HttpResponse response = exchange.getResponse();
    long endNanos = System.nanoTime();
    ResponseSinks.active().onResponse(ResponseObservation.ofUri(
        ResponseObservation.JETTY_HTTP_CLIENT, request.getMethod(), request.getURI(),
        response.getStatus(), failure, AttemptClock.startNanos(exchange, endNanos), endNanos,
        null));
  }
}

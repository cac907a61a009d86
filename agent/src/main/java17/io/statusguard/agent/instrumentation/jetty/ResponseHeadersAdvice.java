package io.statusguard.agent.instrumentation.jetty;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.HeldBodies;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.transport.HttpExchange;
import org.eclipse.jetty.client.transport.HttpResponse;
import org.eclipse.jetty.client.transport.internal.HttpReceiverOverHTTP;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Inlined into {@code HttpReceiverOverHTTP.headerComplete()}: the response head of the exchange is
 * complete, and Jetty has not yet replaced its {@code Content-Encoding} by decoding. A status the sink
 * may want the body of starts a {@link HeldBodies} capture for the exchange, in the encoding the
 * bytes arrive in; any other costs a status check.
 *
 * <p>Inlined code runs in the library's class loader: it may touch library and bootstrap types only.
 */
final class ResponseHeadersAdvice {
  private ResponseHeadersAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This HttpReceiverOverHTTP receiver) {
    HttpExchange exchange = receiver.getHttpChannel().getHttpExchange();
    if (exchange != null) {
      HttpResponse response = exchange.getResponse();
      if (BodyTap.mayCapture(response.getStatus())) {
        HeldBodies.hold(exchange, response.getHeaders().get(HttpHeader.CONTENT_ENCODING));
      }
    }
  }
}

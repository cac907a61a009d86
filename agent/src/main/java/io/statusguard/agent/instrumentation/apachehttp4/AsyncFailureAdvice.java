package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.RequestLine;
import org.apache.http.client.protocol.HttpClientContext;

/**
 * Inlined into {@code AbstractClientExchangeHandler.failed}, which ends an exchange with the
 * exception the application will get: records the failed attempt, unless the handler was already
 * closed (then {@code failed} does nothing) or the current attempt's response head already arrived
 * and was recorded (a failure while reading its body is not another attempt). The exception reaches
 * the application unchanged.
 *
 * <p>Runs on the client's I/O dispatcher thread, or on the caller's when the exchange cannot start.
 * Inlined code runs in the application's class loader: it may touch HttpClient, HttpCore and
 * bootstrap types only.
 */
final class AsyncFailureAdvice {
  private AsyncFailureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.Argument(0) Exception failure,
      @Advice.FieldValue("closed") AtomicBoolean closed,
      @Advice.FieldValue("responseRef") AtomicReference<?> currentResponse,
      @Advice.FieldValue("localContext") HttpClientContext context) {
    if (closed.get() || currentResponse.get() != null) {
      return;
    }
    Object request = context.getAttribute(AsyncResponseAdvice.REQUEST);
    Object target = context.getAttribute(AsyncResponseAdvice.TARGET_HOST);
    if (!(request instanceof HttpRequest) || !(target instanceof HttpHost)) {
      return;
    }
    long endNanos = System.nanoTime();
    RequestLine line = ((HttpRequest) request).getRequestLine();
    HttpHost host = (HttpHost) target;
    ResponseSinks.active().onResponse(ResponseObservation.ofOrigin(
        ResponseObservation.APACHE_HTTPASYNCCLIENT_4, line.getMethod(), host.getSchemeName(),
        host.getHostName(), host.getPort(), line.getUri(), 0, failure,
        AttemptClock.startNanos(request, endNanos), endNanos, null));
  }
}

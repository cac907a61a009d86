package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.AttemptScope;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.conn.routing.HttpRoute;

/**
 * Inlined into {@code MainClientExec.execute} and {@code MinimalClientExec.execute}: opens the
 * {@link AttemptScope} in which {@link ExchangeAdvice} reports the attempts, and reports the call's
 * failure itself when none was reported, i.e. when it failed before reaching the wire. The exception
 * reaches the caller unchanged. Only this failure path reads the request line, so it alone may
 * allocate more than the observation.
 *
 * <p>Inlined code runs in the application's class loader: it may touch HttpClient, HttpCore and
 * bootstrap types only.
 */
final class ClientExecAdvice {
  private ClientExecAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static int enter() {
    return AttemptScope.current().enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter int token,
      @Advice.Argument(0) HttpRoute route,
      @Advice.Argument(1) HttpRequestWrapper request,
      @Advice.Thrown Throwable thrown) {
    AttemptScope scope = AttemptScope.current();
    long endNanos = System.nanoTime();
    long startNanos = scope.attemptStartNanos(endNanos);
    if (!scope.exit(token) || thrown == null) {
      return;
    }
    HttpHost target = route.getTargetHost();
    ResponseSinks.active().onResponse(ResponseObservation.ofOrigin(
        ResponseObservation.APACHE_HTTPCLIENT_4, request.getMethod(), target.getSchemeName(),
        target.getHostName(), target.getPort(), request.getRequestLine().getUri(), 0, thrown,
        startNanos, endNanos, null));
  }
}

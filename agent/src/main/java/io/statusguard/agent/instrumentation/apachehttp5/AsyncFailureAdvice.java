package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Inlined into {@code failed} of {@code AsyncProtocolExec}'s per-attempt callback: records the failed
 * attempt, unless its response head arrived already (see {@link AsyncResponseAdvice#ANSWERED}). The
 * exception travels on up the chain unchanged.
 *
 * <p>Runs on the client's I/O reactor thread, or on the caller's when the attempt cannot start.
 * Inlined code runs in the application's class loader: it may touch HttpClient 5, HttpCore 5 and
 * bootstrap types only.
 */
final class AsyncFailureAdvice {
  private AsyncFailureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.This Object callback,
      @Advice.Argument(0) Exception failure,
      @Advice.FieldValue("val$request") HttpRequest request,
      @Advice.FieldValue("val$scope") AsyncExecChain.Scope scope,
      @Advice.FieldValue("val$clientContext") HttpClientContext context) {
    if (context.getAttribute(AsyncResponseAdvice.ANSWERED) == callback) {
      return;
    }
    long endNanos = System.nanoTime();
    HttpHost target = scope.route.getTargetHost();
    ResponseSinks.active().onResponse(ResponseObservation.ofOrigin(
        ResponseObservation.APACHE_HTTPCLIENT_5, request.getMethod(), target.getSchemeName(),
        target.getHostName(), target.getPort(), request.getPath(), 0, failure,
        AttemptClock.startNanos(callback, endNanos), endNanos, null));
  }
}

package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.impl.client.RequestWrapper;
import org.apache.http.impl.client.RoutedRequest;

/**
 * Inlined into {@code DefaultRequestDirector.tryConnect}: when connecting fails for good (after the
 * retries its handler allows), records the failed attempt; the exception reaches the caller
 * unchanged. Only this failure path reads the request, so only it may allocate more than the
 * observation.
 *
 * <p>Inlined code runs in the application's class loader: it may touch HttpClient, HttpCore and
 * bootstrap types only.
 */
@SuppressWarnings("deprecation") // the instrumented API is deprecated, and still used
final class LegacyConnectAdvice {
  private LegacyConnectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter long startNanos,
      @Advice.Argument(0) RoutedRequest routed,
      @Advice.Thrown Throwable thrown) {
    if (thrown == null) {
      return;
    }
    HttpHost target = routed.getRoute().getTargetHost();
    RequestWrapper request = routed.getRequest();
    ResponseSinks.active().onResponse(ResponseObservation.ofOrigin(
        ResponseObservation.APACHE_HTTPCLIENT_4, request.getMethod(), target.getSchemeName(),
        target.getHostName(), target.getPort(), request.getRequestLine().getUri(), 0, thrown,
        startNanos, System.nanoTime(), null));
  }
}

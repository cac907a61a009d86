package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;

/**
 * Inlined into the classic {@code ConnectExec.execute}: records its one attempt, with the response's
 * status or with what it threw; both reach the caller unchanged. The origin is the route's target
 * host and the request target the request's path, both held by the client already.
 *
 * <p>Inlined code runs in the application's class loader: it may touch HttpClient 5, HttpCore 5 and
 * bootstrap types only.
 */
final class ConnectExecAdvice {
  private ConnectExecAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter long startNanos,
      @Advice.Argument(0) ClassicHttpRequest request,
      @Advice.Argument(1) ExecChain.Scope scope,
      @Advice.Return ClassicHttpResponse response,
      @Advice.Thrown Throwable thrown) {
    long endNanos = System.nanoTime();
    HttpHost target = scope.route.getTargetHost();
    Header contentType = response == null ? null : response.getFirstHeader("Content-Type");
    ResponseSinks.active().onResponse(ResponseObservation.ofOrigin(
        ResponseObservation.APACHE_HTTPCLIENT_5, request.getMethod(), target.getSchemeName(),
        target.getHostName(), target.getPort(), request.getPath(),
        response == null ? 0 : response.getCode(), thrown, startNanos, endNanos,
        contentType == null ? null : contentType.getValue()));
  }
}

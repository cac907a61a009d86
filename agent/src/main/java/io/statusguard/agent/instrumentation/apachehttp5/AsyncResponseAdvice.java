package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Inlined into {@code handleResponse} of {@code AsyncProtocolExec}'s per-attempt callback: records the
 * attempt's response, and marks the attempt as answered in the request's context (attribute
 * {@value #ANSWERED}, holding the callback itself) so that a failure while its body streams in is not
 * recorded as a second attempt. When the sink wants the response's body, its tap is attached to the
 * callback, where {@link BodyDataAdvice} finds it as the body streams in (still in its {@code
 * Content-Encoding}: the decompressing element sits above this one).
 *
 * <p>Runs on the client's I/O reactor thread. Inlined code runs in the application's class loader: it
 * may touch HttpClient 5, HttpCore 5 and bootstrap types only.
 */
final class AsyncResponseAdvice {
  /** The context attribute that names the attempt whose response arrived last. */
  static final String ANSWERED = "io.statusguard.answered-attempt";

  private AsyncResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.This Object callback,
      @Advice.Argument(0) HttpResponse response,
      @Advice.Argument(1) EntityDetails entity,
      @Advice.FieldValue("val$request") HttpRequest request,
      @Advice.FieldValue("val$scope") AsyncExecChain.Scope scope,
      @Advice.FieldValue("val$clientContext") HttpClientContext context) {
    long endNanos = System.nanoTime();
    context.setAttribute(ANSWERED, callback);
    HttpHost target = scope.route.getTargetHost();
    Header contentType = response.getFirstHeader("Content-Type");
    ResponseObservation observation = ResponseObservation.ofOrigin(
        ResponseObservation.APACHE_HTTPCLIENT_5, request.getMethod(), target.getSchemeName(),
        target.getHostName(), target.getPort(), request.getPath(), response.getCode(), null,
        AttemptClock.startNanos(callback, endNanos), endNanos,
        contentType == null ? null : contentType.getValue());
    if (!BodyTap.mayCapture(response.getCode())) {
      ResponseSinks.active().onResponse(observation);
      return;
    }
    Header contentEncoding = response.getFirstHeader("Content-Encoding");
    BodyTap tap = ResponseSinks.active().onResponseBody(observation,
        contentEncoding == null ? null : contentEncoding.getValue());
    if (tap != null && entity == null) {
      tap.endOfBody();
    } else {
      AttachedTaps.attach(callback, tap);
    }
  }
}

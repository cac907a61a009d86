package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.asm.Advice;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.RequestLine;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.protocol.HttpClientContext;

/**
 * Inlined into {@code AbstractClientExchangeHandler.setCurrentResponse}, which every handler calls
 * with each response head it receives: records that response, with the request and target host the
 * handler keeps in its context ({@code http.request}, {@code http.target_host}, set for each request
 * it sends, pipelined ones included). A proxy's answer to the handler's own {@code CONNECT} is not the
 * provider's and is skipped. When the sink wants the response's body, its tap is attached to the
 * handler, which hands the body's decoder to the application's consumer ({@link
 * ContentConsumedAdvice}).
 *
 * <p>Runs on the client's I/O dispatcher thread. Inlined code runs in the application's class
 * loader: it may touch HttpClient, HttpCore and bootstrap types only.
 */
final class AsyncResponseAdvice {
  static final String REQUEST = "http.request";
  static final String TARGET_HOST = "http.target_host";

  private AsyncResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.This Object handler,
      @Advice.Argument(0) HttpResponse response,
      @Advice.FieldValue("requestRef") AtomicReference<?> currentRequest,
      @Advice.FieldValue("localContext") HttpClientContext context) {
    if (response == null) {
      return;
    }
    Object current = currentRequest.get();
    if (current instanceof HttpUriRequest
        && "CONNECT".equals(((HttpUriRequest) current).getMethod())) {
      return;
    }
    Object request = context.getAttribute(REQUEST);
    Object target = context.getAttribute(TARGET_HOST);
    if (!(request instanceof HttpRequest) || !(target instanceof HttpHost)) {
      return;
    }
    long endNanos = System.nanoTime();
    RequestLine line = ((HttpRequest) request).getRequestLine();
    HttpHost host = (HttpHost) target;
    Header contentType = response.getFirstHeader("Content-Type");
    int status = response.getStatusLine().getStatusCode();
    ResponseObservation observation = ResponseObservation.ofOrigin(
        ResponseObservation.APACHE_HTTPASYNCCLIENT_4, line.getMethod(), host.getSchemeName(),
        host.getHostName(), host.getPort(), line.getUri(), status, null,
        AttemptClock.startNanos(request, endNanos), endNanos,
        contentType == null ? null : contentType.getValue());
    if (!BodyTap.mayCapture(status)) {
      ResponseSinks.active().onResponse(observation);
      return;
    }
    Header contentEncoding = response.getFirstHeader("Content-Encoding");
    AttachedTaps.attach(handler, ResponseSinks.active().onResponseBody(observation,
        contentEncoding == null ? null : contentEncoding.getValue()));
  }
}

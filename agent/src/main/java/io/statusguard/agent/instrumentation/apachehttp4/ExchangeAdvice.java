package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.AttemptScope;
import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.RequestLine;
import org.apache.http.entity.BasicHttpEntity;
import org.apache.http.protocol.HttpContext;

/**
 * Inlined into {@code HttpRequestExecutor.execute}: records the attempt it makes, with the response's
 * status or with what it threw (a read timeout, a connection reset). The origin is the target host
 * the client put into the context ({@code http.target_host}, set by every HttpClient 4 that uses this
 * executor); a request without one is not a client's and is ignored, as is a proxy's
 * {@code CONNECT}, which the provider never sees. The attempt started when the enclosing
 * {@code MainClientExec} call began connecting, or when the attempt before it ended.
 *
 * <p>A 207 or error body the sink wants a tap for is tapped at its source: the entity HttpCore has
 * just received is a {@code BasicHttpEntity} over the connection's stream (in every version), whose
 * content becomes that same stream read through the tap, before the client wraps the entity for
 * connection release and content decoding. The tap sees bytes in the response's Content-Encoding.
 *
 * <p>Inlined code runs in the application's class loader and uses only HttpCore types besides the
 * agent's bootstrap types: HttpCore is sometimes used without HttpClient. On HttpClient 4.5 the
 * request line it reads was already built to send the request; on 4.3 and 4.4 reading it builds a
 * small object.
 */
final class ExchangeAdvice {
  /** The context attribute in which HttpClient 4 keeps the request's target host. */
  static final String TARGET_HOST = "http.target_host";

  private ExchangeAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter long startNanos,
      @Advice.Argument(0) HttpRequest request,
      @Advice.Argument(2) HttpContext context,
      @Advice.Return HttpResponse response,
      @Advice.Thrown Throwable thrown) {
    Object target = context.getAttribute(TARGET_HOST);
    if (!(target instanceof HttpHost)) {
      return;
    }
    RequestLine line = request.getRequestLine();
    if ("CONNECT".equals(line.getMethod())) {
      return;
    }
    long endNanos = System.nanoTime();
    AttemptScope scope = AttemptScope.current();
    long attemptStartNanos = scope.attemptStartNanos(startNanos);
    scope.attemptReported(endNanos);
    HttpHost host = (HttpHost) target;
    Header contentType = response == null ? null : response.getFirstHeader("Content-Type");
    int status = response == null ? 0 : response.getStatusLine().getStatusCode();
    ResponseObservation observation = ResponseObservation.ofOrigin(
        ResponseObservation.APACHE_HTTPCLIENT_4, line.getMethod(), host.getSchemeName(),
        host.getHostName(), host.getPort(), line.getUri(), status, thrown, attemptStartNanos,
        endNanos, contentType == null ? null : contentType.getValue());
    HttpEntity entity = BodyTap.mayCapture(status) ? response.getEntity() : null;
    if (!(entity instanceof BasicHttpEntity) || !entity.isStreaming()) {
      ResponseSinks.active().onResponse(observation);
      return;
    }
    Header encoding = response.getFirstHeader("Content-Encoding");
    BodyTap tap = ResponseSinks.active().onResponseBody(observation,
        encoding == null ? null : encoding.getValue());
    if (tap != null) {
      BasicHttpEntity body = (BasicHttpEntity) entity;
      body.setContent(BodyTap.tee(body.getContent(), tap));
    }
  }
}

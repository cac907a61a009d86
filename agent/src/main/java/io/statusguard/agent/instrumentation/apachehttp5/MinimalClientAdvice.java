package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import java.io.IOException;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.BasicHttpEntity;

/**
 * Inlined into {@code MinimalHttpClient.doExecute}: records its one attempt, with the response's
 * status or with what it threw; both reach the caller unchanged.
 *
 * <p>A 207 or error body the sink wants a tap for is read through the tap: the response gets a
 * {@code BasicHttpEntity} over the client's own content stream (which releases the connection at its
 * end or close, as before) with the entity's length, chunking, encoding and type, the last only when
 * it reads back exactly as the response sent it. Content decoding happens above this point, so the
 * tap sees bytes in the response's Content-Encoding.
 *
 * <p>Inlined code runs in the application's class loader: it may touch HttpClient 5, HttpCore 5 and
 * bootstrap types only.
 */
final class MinimalClientAdvice {
  private MinimalClientAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter long startNanos,
      @Advice.Argument(0) HttpHost target,
      @Advice.Argument(1) ClassicHttpRequest request,
      @Advice.Return ClassicHttpResponse response,
      @Advice.Thrown Throwable thrown) throws IOException {
    if (target == null) {
      return;
    }
    long endNanos = System.nanoTime();
    Header contentType = response == null ? null : response.getFirstHeader("Content-Type");
    int status = response == null ? 0 : response.getCode();
    ResponseObservation observation = ResponseObservation.ofOrigin(
        ResponseObservation.APACHE_HTTPCLIENT_5, request.getMethod(), target.getSchemeName(),
        target.getHostName(), target.getPort(), request.getPath(), status, thrown, startNanos,
        endNanos, contentType == null ? null : contentType.getValue());
    HttpEntity entity = BodyTap.mayCapture(status) ? response.getEntity() : null;
    if (entity == null || !entity.isStreaming()) {
      ResponseSinks.active().onResponse(observation);
      return;
    }
    BodyTap tap = ResponseSinks.active().onResponseBody(observation,
        entity.getContentEncoding());
    if (tap != null) {
      String type = entity.getContentType();
      ContentType parsed = type == null ? null : ContentType.parse(type);
      if (type != null && (parsed == null || !type.equals(parsed.toString()))) {
        // The entity would describe its type otherwise than the response did: leave it alone.
        tap.end();
      } else {
        response.setEntity(new BasicHttpEntity(BodyTap.tee(entity.getContent(), tap),
            entity.getContentLength(), parsed, entity.getContentEncoding(), entity.isChunked()));
      }
    }
  }
}

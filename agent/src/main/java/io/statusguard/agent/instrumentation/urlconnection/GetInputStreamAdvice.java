package io.statusguard.agent.instrumentation.urlconnection;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.CallDepth;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import java.io.InputStream;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code sun.net.www.protocol.http.HttpURLConnection.getInputStream()}, the one method
 * that every way to a status goes through ({@code getResponseCode}, {@code getHeaderField*},
 * {@code getInputStream}). The JDK re-enters it while producing a response and applications call it
 * again afterwards, so it records only the outermost call on a connection that had neither a response
 * stream nor a remembered failure yet (fields checked on JDK 17 and 25).
 *
 * <p>A 207 or error body the sink wants a tap for is tapped where the connection keeps it, so that
 * whatever way the application takes to it reads through the tap: the {@code inputStream} field
 * (which {@code getInputStream} returns, now and on every later call) or, for a status of 400 and
 * above, the stream {@code getErrorStream} returns ({@code errorStream} when the JDK buffered it, else
 * {@code inputStream}). The JDK only ever reads these fields to hand them out or to close them.
 *
 * <p>Inlined code runs in the bootstrap class loader: it may touch JDK and bootstrap types only.
 */
final class GetInputStreamAdvice {
  private GetInputStreamAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static boolean enter(
      @Advice.FieldValue("doInput") boolean doInput,
      @Advice.FieldValue("inputStream") InputStream inputStream,
      @Advice.FieldValue("rememberedException") Exception rememberedException) {
    // Without doInput the JDK refuses at once and sends nothing: there is no response to record.
    return CallDepth.current()
        .enter(doInput && inputStream == null && rememberedException == null);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter boolean recording,
      @Advice.This HttpURLConnection connection,
      @Advice.FieldValue("responseCode") int responseCode,
      @Advice.FieldValue("connected") boolean connected,
      @Advice.FieldValue(value = "inputStream", readOnly = false) InputStream inputStream,
      @Advice.FieldValue(value = "errorStream", readOnly = false) InputStream errorStream,
      @Advice.Return(readOnly = false) InputStream returned,
      @Advice.Thrown Throwable thrown) {
    CallDepth calls = CallDepth.current();
    try {
      if (recording) {
        long endNanos = System.nanoTime();
        // Re-enters getInputStream one level down, where nothing is recorded.
        String contentType = responseCode > 0 ? connection.getContentType() : null;
        ResponseObservation observation = ResponseObservation.ofUrlConnection(
            connection.getRequestMethod(), connection.getURL(), responseCode, thrown,
            calls.attemptStartNanos(), endNanos, contentType);
        // The stream the application will read: getInputStream's for a 207, getErrorStream's for
        // an error (none when the JDK found no body: HEAD, length 0, then it disconnects).
        InputStream body = null;
        if (BodyTap.mayCapture(responseCode) && !"HEAD".equals(connection.getRequestMethod())) {
          if (responseCode < 400) {
            body = thrown == null ? inputStream : null;
          } else if (connected) {
            body = errorStream != null ? errorStream : inputStream;
          }
        }
        if (body == null) {
          ResponseSinks.active().onResponse(observation);
        } else {
          BodyTap tap = ResponseSinks.active().onResponseBody(observation,
              connection.getContentEncoding());
          if (tap != null) {
            InputStream tapped = BodyTap.tee(body, tap);
            if (body == errorStream) {
              errorStream = tapped;
            } else {
              inputStream = tapped;
            }
            if (returned == body) {
              returned = tapped;
            }
          }
        }
      }
    } finally {
      calls.exit();
    }
  }
}

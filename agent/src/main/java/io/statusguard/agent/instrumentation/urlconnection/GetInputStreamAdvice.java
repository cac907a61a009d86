package io.statusguard.agent.instrumentation.urlconnection;

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
      @Advice.Thrown Throwable thrown) {
    CallDepth calls = CallDepth.current();
    try {
      if (recording) {
        long endNanos = System.nanoTime();
        // Re-enters getInputStream one level down, where nothing is recorded.
        String contentType = responseCode > 0 ? connection.getContentType() : null;
        ResponseSinks.active().onResponse(ResponseObservation.ofUrlConnection(
            connection.getRequestMethod(), connection.getURL(), responseCode, thrown,
            calls.attemptStartNanos(), endNanos, contentType));
      }
    } finally {
      calls.exit();
    }
  }
}

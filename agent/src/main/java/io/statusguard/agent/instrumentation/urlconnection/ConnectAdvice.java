package io.statusguard.agent.instrumentation.urlconnection;

import io.statusguard.agent.bootstrap.CallDepth;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code connect()} of the JDK's {@code HttpURLConnection} and of its HTTPS delegate
 * (which shakes hands there). An application that connects before it asks for the response (Spring's
 * {@code RestTemplate} does, and {@code getOutputStream} connects too) sees a refused connection or a
 * failed handshake here, and never calls {@code getInputStream}: such a failed attempt is recorded
 * here. Inside {@code getInputStream} nothing is recorded here, since that call records its attempts
 * itself; a connect that succeeds is not an attempt's end either.
 *
 * <p>Inlined code runs in the bootstrap class loader: it may touch JDK and bootstrap types only.
 */
final class ConnectAdvice {
  private ConnectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter(@Advice.FieldValue("connected") boolean connected) {
    return connected ? 0L : System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter long startNanos,
      @Advice.This HttpURLConnection connection,
      @Advice.Thrown Throwable thrown) {
    if (thrown != null && startNanos != 0L && !CallDepth.current().recording()) {
      ResponseSinks.active().onResponse(ResponseObservation.ofUrlConnection(
          connection.getRequestMethod(), connection.getURL(), -1, thrown, startNanos,
          System.nanoTime(), null));
    }
  }
}

package io.statusguard.agent.instrumentation.urlconnection;

import io.statusguard.agent.bootstrap.CallDepth;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code sun.net.www.protocol.http.HttpURLConnection.followRedirect0(String, int, URL)},
 * which the JDK calls inside {@code getInputStream} with a 3xx status in hand, before it points the
 * connection at the new location. A redirect it follows is a physical response of its own, so it is
 * recorded here, with the method and URL it was the answer to.
 *
 * <p>Inlined code runs in the bootstrap class loader: it may touch JDK and bootstrap types only.
 */
final class FollowRedirectAdvice {
  private FollowRedirectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static ResponseObservation enter(
      @Advice.Argument(1) int status, @Advice.This HttpURLConnection connection) {
    CallDepth calls = CallDepth.current();
    if (!calls.recording()) {
      return null;
    }
    return ResponseObservation.ofUrlConnection(connection.getRequestMethod(), connection.getURL(),
        status, null, calls.attemptStartNanos(), System.nanoTime(), null);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter ResponseObservation redirect,
      @Advice.Return boolean followed,
      @Advice.Thrown Throwable thrown) {
    // In streaming mode the JDK refuses to follow and throws HttpRetryException, which carries this
    // very status: the outer call records it then, so it must not be recorded twice.
    if (redirect != null && (followed || (thrown != null && !(thrown instanceof HttpRetryException)))) {
      ResponseSinks.active().onResponse(redirect);
      CallDepth.current().nextAttempt(System.nanoTime());
    }
  }
}

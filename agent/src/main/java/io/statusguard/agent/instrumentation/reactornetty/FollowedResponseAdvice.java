package io.statusguard.agent.instrumentation.reactornetty;

import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Inlined into {@code HttpClientConnect.HttpObserver.onUncaughtException(Connection, Throwable)}.
 * Reactor Netty ends an attempt whose response it follows up itself (a redirect, a 401 it answers
 * with credentials) by raising a marker exception here once the response is complete, never by
 * reporting {@code RESPONSE_RECEIVED}: this records that response. Every other error ends its attempt
 * through the retry filter, where {@link FailedAttemptAdvice} records it.
 *
 * <p>Inlined code runs in the library's class loader: it may touch library and bootstrap types only.
 * The marker classes are package-private, hence compared by name (1.0 lacks the second one).
 */
final class FollowedResponseAdvice {
  private FollowedResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.Argument(0) Connection connection,
      @Advice.Argument(1) Throwable error,
      @Advice.FieldValue("handler") Object request) {
    String marker = error.getClass().getName();
    if (connection instanceof HttpClientResponse
        && (marker.equals("reactor.netty.http.client.RedirectClientException")
            || marker.equals("reactor.netty.http.client.HttpClientAuthenticationException"))) {
      HttpClientResponse response = (HttpClientResponse) connection;
      long endNanos = System.nanoTime();
      ResponseSinks.active().onResponse(ResponseObservation.ofUrlString(
          ResponseObservation.REACTOR_NETTY, response.method().name(), response.resourceUrl(),
          response.status().code(), null, AttemptClock.startNanos(request, endNanos), endNanos,
          response.responseHeaders().get("content-type")));
    }
  }
}

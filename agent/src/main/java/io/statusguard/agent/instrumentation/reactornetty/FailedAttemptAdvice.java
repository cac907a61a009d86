package io.statusguard.agent.instrumentation.reactornetty;

import io.netty.handler.codec.http.HttpMethod;
import io.statusguard.agent.bootstrap.AttemptClock;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientConnect.HttpClientHandler.test(Throwable)}, the retry filter that
 * every failed attempt's error passes once: connect, TLS and DNS failures, response timeouts,
 * connections closed before the response. It records a failed attempt with the method and target the
 * attempt had, read before the filter points the handler at the next attempt. Redirects and
 * authentication retries pass here too; they got a response, which {@link FollowedResponseAdvice}
 * recorded.
 *
 * <p>Inlined code runs in the library's class loader: it may touch library and bootstrap types only.
 * The target's type is package-private, so it is read as an {@code Object}; its {@code toString()} is
 * the absolute URL (cached from 1.2 on; built on failures only).
 */
final class FailedAttemptAdvice {
  private FailedAttemptAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.Argument(0) Throwable failure,
      @Advice.This Object request,
      @Advice.FieldValue("method") HttpMethod method,
      @Advice.FieldValue("toURI") Object target) {
    String marker = failure.getClass().getName();
    if (!marker.equals("reactor.netty.http.client.RedirectClientException")
        && !marker.equals("reactor.netty.http.client.HttpClientAuthenticationException")) {
      long endNanos = System.nanoTime();
      ResponseSinks.active().onResponse(ResponseObservation.ofUrlString(
          ResponseObservation.REACTOR_NETTY, method.name(), target.toString(), 0, failure,
          AttemptClock.startNanos(request, endNanos), endNanos, null));
    }
  }
}

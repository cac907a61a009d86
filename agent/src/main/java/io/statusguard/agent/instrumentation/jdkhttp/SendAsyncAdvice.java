package io.statusguard.agent.instrumentation.jdkhttp;

import io.statusguard.agent.bootstrap.ResponseSinks;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code jdk.internal.net.http.HttpClientImpl}'s private four-argument {@code sendAsync},
 * which both {@code send} and the public {@code sendAsync} methods funnel into (JDK 11 to 25). It only
 * hands the returned future to the sink; the future and any exception reach the caller unchanged.
 *
 * <p>Inlined code runs in the platform class loader: it may touch JDK and bootstrap types only, and
 * it uses no lambdas.
 */
final class SendAsyncAdvice {
  private SendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter long startNanos,
      @Advice.Argument(0) HttpRequest request,
      @Advice.Return CompletableFuture<?> response) {
    if (response != null) {
      ResponseSinks.active().onExchange(response, request.method(), request.uri(), startNanos);
    }
  }
}

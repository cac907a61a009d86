package io.statusguard.agent.instrumentation.jdkhttp;

import io.statusguard.agent.bootstrap.ObservedExchange;
import io.statusguard.agent.bootstrap.ResponseSinks;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code jdk.internal.net.http.HttpClientImpl}'s private four-argument {@code sendAsync},
 * which both {@code send} and the public {@code sendAsync} methods funnel into (JDK 11 to 25). It gives
 * the client the sink's stand-in for the application's body handler and hands the stand-in the
 * returned future; the future and any exception reach the caller unchanged.
 *
 * <p>Inlined code runs in the platform class loader: it may touch JDK and bootstrap types only, and
 * it uses no lambdas.
 */
final class SendAsyncAdvice {
  private SendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.Argument(0) HttpRequest request,
      @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC)
          Object bodyHandler) {
    bodyHandler = ResponseSinks.active().onExchange(request.method(), request.uri(), bodyHandler,
        System.nanoTime());
    return bodyHandler;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object exchange,
      @Advice.Return CompletableFuture<?> response) {
    if (response != null && exchange instanceof ObservedExchange) {
      ((ObservedExchange) exchange).started(response);
    }
  }
}

package io.statusguard.agent.instrumentation.jetty;

import io.statusguard.agent.bootstrap.AttemptClock;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpExchange(HttpDestination, HttpRequest, ResponseListeners)}: the attempt
 * starts when its exchange is created, before it waits for a connection.
 *
 * <p>Inlined code runs in the library's class loader: it may touch library and bootstrap types only.
 */
final class ExchangeStartAdvice {
  private ExchangeStartAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object exchange) {
    AttemptClock.start(exchange);
  }
}

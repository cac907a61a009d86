package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code AbstractClientExchangeHandler.close()}, which every exchange passes as it ends,
 * completed, failed or cancelled: a tap still attached to the handler (its body was cut short) ends
 * with what it captured.
 *
 * <p>Inlined code runs in the application's class loader: it may touch HttpClient, HttpCore and
 * bootstrap types only.
 */
final class AsyncBodyAbandonedAdvice {
  private AsyncBodyAbandonedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object handler) {
    BodyTap tap = AttachedTaps.detach(handler);
    if (tap != null) {
      tap.end();
    }
  }
}

package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code responseCompleted()} of HttpAsyncClient 4.1's exchange handlers: a response
 * that is complete without its tap having ended (one without a body, such as the answer to a
 * {@code HEAD}) ends it at the end of its body.
 *
 * <p>Runs on the client's I/O dispatcher thread. Inlined code runs in the application's class
 * loader: it may touch HttpClient, HttpCore and bootstrap types only.
 */
final class ResponseCompletedAdvice {
  private ResponseCompletedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object handler) {
    BodyTap tap = AttachedTaps.detach(handler);
    if (tap != null) {
      tap.endOfBody();
    }
  }
}

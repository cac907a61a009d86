package io.statusguard.agent.instrumentation.reactornetty;

import io.statusguard.agent.bootstrap.AttemptClock;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the constructor of {@code HttpClientConnect.HttpObserver(MonoSink, HttpClientHandler)},
 * which runs once per physical attempt: the attempt starts now. The request's
 * {@code HttpClientHandler} keys the attempt, since its attempts never overlap.
 *
 * <p>Inlined code runs in the library's class loader: it may touch library and bootstrap types only.
 */
final class AttemptStartAdvice {
  private AttemptStartAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Argument(1) Object request) {
    AttemptClock.start(request);
  }
}

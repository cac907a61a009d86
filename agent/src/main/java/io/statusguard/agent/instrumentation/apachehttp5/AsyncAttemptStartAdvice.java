package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.bootstrap.AttemptClock;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the constructor of {@code AsyncProtocolExec}'s per-attempt callback, which is created
 * right before the attempt is handed down the chain to connect and send: the attempt starts now,
 * keyed by the callback, which lives exactly as long as the attempt.
 */
final class AsyncAttemptStartAdvice {
  private AsyncAttemptStartAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object callback) {
    AttemptClock.start(callback);
  }
}

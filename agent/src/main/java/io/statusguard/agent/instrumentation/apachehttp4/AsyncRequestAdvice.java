package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.AttemptClock;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code AbstractClientExchangeHandler.setCurrentRequest}: an attempt starts when the
 * handler takes up a request (before it leases and connects for the first one), keyed by the request
 * object, which lives exactly as long as the attempt. The handler's class has no field the agent
 * could add, hence the {@link AttemptClock}.
 */
final class AsyncRequestAdvice {
  private AsyncRequestAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) Object request) {
    if (request != null) {
      AttemptClock.start(request);
    }
  }
}

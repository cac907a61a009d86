package io.statusguard.agent.instrumentation.reactornetty;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code onInboundClose()}, {@code onInboundCancel()} and {@code afterInboundComplete()}
 * of {@code HttpClientOperations}: a tap still attached when the exchange ends (the connection closed
 * before the last piece, or the application cancelled or never subscribed to the body) ends with what
 * it captured.
 *
 * <p>Inlined code runs in the library's class loader: it may touch Reactor Netty and bootstrap types
 * only.
 */
final class InboundEndAdvice {
  private InboundEndAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object operations) {
    BodyTap tap = AttachedTaps.detach(operations);
    if (tap != null) {
      tap.end();
    }
  }
}

package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code streamEnd} of the async exchange handler: the application's consumer has had
 * the whole body, so the attempt's tap, if it has one, ends at the end of the body.
 *
 * <p>Runs on the client's I/O reactor thread. Inlined code runs in the application's class loader:
 * it may touch HttpClient 5, HttpCore 5 and bootstrap types only.
 */
final class BodyEndAdvice {
  private BodyEndAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.FieldValue("val$asyncExecCallback") Object callback) {
    BodyTap tap = AttachedTaps.detach(callback);
    if (tap != null) {
      tap.endOfBody();
    }
  }
}

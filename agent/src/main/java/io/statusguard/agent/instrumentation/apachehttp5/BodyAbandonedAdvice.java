package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code failed}, {@code cancel} and {@code releaseResources} of the async exchange
 * handler: an exchange that ends before its body did (a failure, a cancellation, a connection
 * released early) ends the attempt's tap, if it still has one, with what it captured.
 *
 * <p>Inlined code runs in the application's class loader: it may touch HttpClient 5, HttpCore 5 and
 * bootstrap types only.
 */
final class BodyAbandonedAdvice {
  private BodyAbandonedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.FieldValue("val$asyncExecCallback") Object callback) {
    BodyTap tap = AttachedTaps.detach(callback);
    if (tap != null) {
      tap.end();
    }
  }
}

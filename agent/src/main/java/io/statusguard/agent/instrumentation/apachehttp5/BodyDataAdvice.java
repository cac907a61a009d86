package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code consume(ByteBuffer)} of the async exchange handler: copies the bytes about to
 * reach the application's consumer into the attempt's tap, if it has one, before the consumer moves
 * the buffer (HttpCore's consumers take all of it). Without a tap this costs one volatile read.
 *
 * <p>Runs on the client's I/O reactor thread. Inlined code runs in the application's class loader:
 * it may touch HttpClient 5, HttpCore 5 and bootstrap types only.
 */
final class BodyDataAdvice {
  private BodyDataAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.Argument(0) ByteBuffer data,
      @Advice.FieldValue("val$asyncExecCallback") Object callback) {
    BodyTap tap = AttachedTaps.find(callback);
    if (tap != null) {
      tap.bytes(data);
    }
  }
}

package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code read(ByteBuffer)} of HttpCore NIO's content decoders: the bytes it just put in
 * the consumer's buffer (the {@code count} before its position) are copied into the body's tap, if the
 * decoder carries one ({@link ContentConsumedAdvice}), through a view, so the buffer's position and
 * limit do not move. Without a tap this costs one volatile read.
 *
 * <p>Inlined code runs in the application's class loader: it may touch HttpCore and bootstrap types
 * only.
 */
final class DecodedAdvice {
  private DecodedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.This Object decoder,
      @Advice.Argument(0) ByteBuffer destination,
      @Advice.Return int count) {
    if (count > 0) {
      BodyTap tap = AttachedTaps.find(decoder);
      if (tap != null) {
        ByteBuffer read = destination.duplicate();
        read.limit(read.position());
        read.position(read.position() - count);
        tap.bytes(read);
      }
    }
  }
}

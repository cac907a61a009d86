package io.statusguard.agent.instrumentation.jetty;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.transport.HttpExchange;
import org.eclipse.jetty.client.transport.internal.HttpReceiverOverHTTP;
import org.eclipse.jetty.io.Content;

/**
 * Inlined into {@code HttpReceiverOverHTTP.read(boolean)}, which hands each chunk of the response
 * body, as received, to the response's content source and so to the application (or to Jetty's
 * decoder in front of it): the chunk's bytes are copied into the capture held for the exchange, if
 * any, without moving its buffer. Without one this costs one volatile read.
 *
 * <p>Inlined code runs in the library's class loader: it may touch library and bootstrap types only.
 */
final class ContentReadAdvice {
  private ContentReadAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This HttpReceiverOverHTTP receiver, @Advice.Return Content.Chunk chunk) {
    if (chunk != null && !AttachedTaps.isEmpty()) {
      HttpExchange exchange = receiver.getHttpChannel().getHttpExchange();
      BodyTap held = exchange == null ? null : AttachedTaps.find(exchange);
      if (held != null && chunk.getFailure() == null) {
        held.bytes(chunk.getByteBuffer());
      }
    }
  }
}

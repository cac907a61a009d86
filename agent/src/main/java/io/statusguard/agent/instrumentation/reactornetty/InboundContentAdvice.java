package io.statusguard.agent.instrumentation.reactornetty;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientOperations.onInboundNext(ChannelHandlerContext, Object)}: a piece of
 * the body about to reach the application's receiver is copied into the attempt's tap, if it has one,
 * before the receiver can consume or release it; its indexes do not move. The last piece ends the tap
 * at the end of the body. Without a tap this costs one volatile read per piece.
 *
 * <p>A response that arrives whole ({@code FullHttpResponse}: an HTTP/2 response without a body, or
 * the output of an aggregator the application added) only gets its tap, in {@link
 * ResponseReceivedAdvice}, within this very call, after its content has gone on: it ends without
 * body bytes.
 *
 * <p>Runs on the connection's event loop. Inlined code runs in the library's class loader: it may
 * touch Reactor Netty, Netty and bootstrap types only.
 */
final class InboundContentAdvice {
  private InboundContentAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object operations, @Advice.Argument(1) Object message) {
    if (message instanceof HttpContent && !(message instanceof HttpResponse)) {
      BodyTap tap = AttachedTaps.find(operations);
      if (tap != null) {
        ByteBuf content = ((HttpContent) message).content();
        if (content.isReadable()) {
          tap.bytes(content.nioBuffer());
        }
        if (message instanceof LastHttpContent) {
          AttachedTaps.detach(operations);
          if (((LastHttpContent) message).decoderResult().isFailure()) {
            tap.end();
          } else {
            tap.endOfBody();
          }
        }
      }
    }
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.This Object operations, @Advice.Argument(1) Object message) {
    if (message instanceof FullHttpResponse) {
      BodyTap tap = AttachedTaps.detach(operations);
      if (tap != null) {
        tap.end();
      }
    }
  }
}

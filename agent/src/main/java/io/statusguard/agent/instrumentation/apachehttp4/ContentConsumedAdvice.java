package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import net.bytebuddy.asm.Advice;
import org.apache.http.nio.ContentDecoder;

/**
 * Inlined into {@code consumeContent(ContentDecoder, IOControl)} of HttpAsyncClient 4.1's exchange
 * handlers: while the response has a tap, the decoder the application's consumer reads from carries
 * it too, so that {@link DecodedAdvice} copies what the consumer reads; once the decoder is complete,
 * the consumer has read the whole body. Without a tap this costs one volatile read.
 *
 * <p>Runs on the client's I/O dispatcher thread. Inlined code runs in the application's class
 * loader: it may touch HttpClient, HttpCore and bootstrap types only.
 */
final class ContentConsumedAdvice {
  private ContentConsumedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object handler, @Advice.Argument(0) ContentDecoder decoder) {
    BodyTap tap = AttachedTaps.find(handler);
    if (tap != null) {
      AttachedTaps.attach(decoder, tap);
    }
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.This Object handler, @Advice.Argument(0) ContentDecoder decoder) {
    if (decoder.isCompleted()) {
      BodyTap tap = AttachedTaps.detach(decoder);
      if (tap != null) {
        AttachedTaps.detach(handler);
        tap.endOfBody();
      }
    }
  }
}

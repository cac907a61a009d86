package io.statusguard.agent.bootstrap;

/**
 * Error bodies of clients that report a response only once its body is over (Jetty's exchange ends
 * after the application has read the body): the body's first bytes are held in a tap of their own as
 * they pass, attached to the exchange, and handed to the sink's tap together with the response when
 * the exchange ends, so the response is still reported exactly once, where it always was. Only
 * statuses the sink may capture ({@link BodyTap#mayCapture}) are held.
 *
 * <p>Thread-safe, like {@link BodyTap} and {@link AttachedTaps}.
 */
public final class HeldBodies {
  private HeldBodies() {}

  /**
   * Starts holding the body of {@code exchange}, whose bytes will pass in {@code contentEncoding}
   * (null when decoded); the holding tap is attached to {@code exchange}.
   */
  public static void hold(Object exchange, String contentEncoding) {
    AttachedTaps.attach(exchange, BodyTap.create(null, contentEncoding, HeldBodies::keep));
  }

  /**
   * Reports {@code observation}, the response of {@code exchange}: with the body held for it, if any
   * ({@code complete}: the body was received to its end), else as any response.
   */
  public static void report(Object exchange, ResponseObservation observation, boolean complete) {
    BodyTap held = AttachedTaps.detach(exchange);
    ResponseSink sink = ResponseSinks.active();
    if (held == null) {
      sink.onResponse(observation);
      return;
    }
    BodyTap tap = sink.onResponseBody(observation, held.contentEncoding());
    if (tap == null) {
      return;
    }
    byte[] bytes = held.capturedBytes();
    tap.bytes(bytes, 0, bytes.length);
    if (complete && !held.hasGap()) {
      tap.endOfBody();
    } else {
      tap.end();
    }
  }

  /** A holding tap's end: nothing to do, the bytes wait for {@link #report}. */
  private static void keep(BodyTap held) {}
}

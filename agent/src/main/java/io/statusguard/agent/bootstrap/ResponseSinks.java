package io.statusguard.agent.bootstrap;

import java.util.Objects;

/**
 * Holds the one active {@link ResponseSink} that instrumented JDK code reports to. Reads are a single
 * volatile load, so advice can call {@link #active()} on every request.
 */
public final class ResponseSinks {
  private static volatile ResponseSink active = ResponseSink.NONE;

  private ResponseSinks() {}

  public static ResponseSink active() {
    return active;
  }

  public static void activate(ResponseSink sink) {
    active = Objects.requireNonNull(sink, "sink");
  }

  /** Makes instrumented code discard observations again, e.g. once the exit summary has been taken. */
  public static void deactivate() {
    active = ResponseSink.NONE;
  }
}

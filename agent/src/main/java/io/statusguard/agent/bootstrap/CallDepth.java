package io.statusguard.agent.bootstrap;

/**
 * How deep the current thread is inside instrumented {@code HttpURLConnection} calls, so that one
 * response is recorded once although the JDK re-enters {@code getInputStream} while producing it. It
 * also remembers when the outermost call's current physical attempt started: a followed redirect ends
 * one attempt and starts the next within the same call.
 *
 * <p>Confined to its thread; instances are only reached through {@link #current()}.
 */
public final class CallDepth {
  private static final ThreadLocal<CallDepth> CURRENT = ThreadLocal.withInitial(CallDepth::new);

  private int depth;
  private boolean recording;
  private long attemptStartNanos;

  private CallDepth() {}

  public static CallDepth current() {
    return CURRENT.get();
  }

  /**
   * Enters a call and returns whether it is the outermost one and {@code fresh} (no response was seen on
   * this connection before), in which case it is recorded and its first attempt starts now.
   */
  public boolean enter(boolean fresh) {
    if (depth++ == 0 && fresh) {
      recording = true;
      attemptStartNanos = System.nanoTime();
      return true;
    }
    return false;
  }

  /** Leaves a call entered with {@link #enter(boolean)}. */
  public void exit() {
    if (depth > 0 && --depth == 0) {
      recording = false;
    }
  }

  /** Whether the outermost call on this thread is being recorded. */
  public boolean recording() {
    return recording;
  }

  public long attemptStartNanos() {
    return attemptStartNanos;
  }

  /** Starts the next physical attempt of the recorded call, e.g. after a followed redirect. */
  public void nextAttempt(long startNanos) {
    attemptStartNanos = startNanos;
  }
}

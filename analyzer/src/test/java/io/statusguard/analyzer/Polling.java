package io.statusguard.analyzer;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition with short sleeps up to a generous deadline: tests assert outcomes, not speed. */
public final class Polling {
  public static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final long PAUSE_MILLIS = 100;

  private Polling() {}

  /** Returns once {@code condition} holds; fails with {@code what} after {@link #PATIENCE}. */
  public static void awaitTrue(String what, Callable<Boolean> condition) throws Exception {
    awaitTrue(what, PATIENCE, condition);
  }

  /** As {@link #awaitTrue(String, Callable)}, for work that takes longer than usual. */
  public static void awaitTrue(String what, Duration patience, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("gave up after " + patience.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(PAUSE_MILLIS);
    }
  }
}

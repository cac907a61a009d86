package io.statusguard.kafka.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The broker JVM's entry point: runs the main class named by its first argument, and exits the JVM
 * when its standard input reaches end of file. The parent holds the other end of that pipe, and the
 * operating system closes it however the parent dies, SIGKILL included, so the broker never
 * outlives it.
 *
 * <p>This class runs in the child JVM from a copy of its class file, so it must stay
 * self-contained: no nested classes and no references to other statusguard classes.
 */
final class OrphanWatchdog {
  /** Kafka's graceful shutdown gets this long after the parent is gone; then the JVM halts. */
  private static final long HALT_AFTER_MS = 15_000;

  private OrphanWatchdog() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: OrphanWatchdog <main class> [args...]");
    }
    Thread watchdog =
        new Thread(OrphanWatchdog::exitWhenParentIsGone, "statusguard-orphan-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      Class.forName(args[0])
          .getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw cause instanceof Exception ? (Exception) cause : e;
    }
  }

  private static void exitWhenParentIsGone() {
    byte[] buffer = new byte[64];
    try (InputStream parent = System.in) {
      while (parent.read(buffer) >= 0) {
        // The parent never writes; anything it sends is ignored.
      }
    } catch (IOException e) {
      // A broken pipe means the same as end of file: the parent is gone.
    }
    Thread halter =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(2);
            },
            "statusguard-orphan-halter");
    halter.setDaemon(true);
    halter.start();
    // Runs Kafka's shutdown hook, so that a kept data directory is closed cleanly if possible.
    System.exit(2);
  }
}

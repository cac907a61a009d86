package io.statusguard.benchmarks.overhead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child JVM to its end: its standard output is read line by line with each line's arrival
 * time (the start-up figure is the arrival of a line), its standard error goes to a file, and a child
 * that outlives its timeout is killed. Each call confines its own reader thread.
 */
final class ChildProcess {
  private ChildProcess() {}

  /** What a finished child printed and when. */
  record Outcome(long startNanos, long exitNanos, int exitCode, List<Line> lines, Path stderr) {
    /** Nanoseconds from start to the first line equal to {@code text}; -1 if there was none. */
    long nanosUntil(String text) {
      for (Line line : lines) {
        if (line.text().equals(text)) {
          return line.arrivalNanos() - startNanos;
        }
      }
      return -1;
    }

    /** The first line starting with {@code prefix}, or null. */
    String lineStartingWith(String prefix) {
      for (Line line : lines) {
        if (line.text().startsWith(prefix)) {
          return line.text();
        }
      }
      return null;
    }

    long wallNanos() {
      return exitNanos - startNanos;
    }
  }

  record Line(String text, long arrivalNanos) {}

  static Outcome run(List<String> command, Path stderr, Duration timeout)
      throws IOException, InterruptedException {
    List<Line> lines = new ArrayList<>();
    long startNanos = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    Thread reader = new Thread(() -> read(process, lines), "child-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw new IOException("child JVM " + process.pid() + " did not finish within " + timeout
          + "; its stderr is in " + stderr + "; command: " + String.join(" ", command));
    }
    long exitNanos = System.nanoTime();
    reader.join(TimeUnit.SECONDS.toMillis(10));
    synchronized (lines) {
      return new Outcome(startNanos, exitNanos, process.exitValue(), List.copyOf(lines), stderr);
    }
  }

  private static void read(Process process, List<Line> lines) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String text;
      while ((text = out.readLine()) != null) {
        long arrival = System.nanoTime();
        synchronized (lines) {
          lines.add(new Line(text, arrival));
        }
      }
    } catch (IOException e) {
      // The child is gone; what it printed so far is what there is.
    }
  }
}

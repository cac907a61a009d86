package io.statusguard.benchmarks.overhead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback server's JVM for the whole harness run: started once, without an agent, so that no
 * setup pays for it. It stops when its standard input closes, which {@link #close()} does (and the
 * operating system does if the harness dies). Not thread-safe.
 */
final class LoopbackServerProcess implements AutoCloseable {
  private static final String PORT_PREFIX = "PORT ";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;

  private LoopbackServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static LoopbackServerProcess start(List<String> command, Path stderr)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> firstLine(process));
    try {
      String line = firstLine.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null || !line.startsWith(PORT_PREFIX)) {
        throw new IOException("the loopback server did not report its port (got " + line
            + "); its stderr is in " + stderr);
      }
      return new LoopbackServerProcess(process,
          Integer.parseInt(line.substring(PORT_PREFIX.length()).trim()));
    } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
      process.destroyForcibly();
      throw new IOException("the loopback server did not start; its stderr is in " + stderr, e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String firstLine(Process process) {
    try {
      // Not closed: closing the child's stdout while it runs is of no use, and it ends with the child.
      BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      return out.readLine();
    } catch (IOException e) {
      return null;
    }
  }
}

package io.statusguard.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statusguard.demo.client.PaymentsClient;
import io.statusguard.demo.client.TrafficTally;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The sample payments client running in a JVM of its own with the agent attached, as a platform team
 * would run an application. Collects the child's output lines (bounded) and its final tally.
 * Thread-safe; closing it kills the child if it is still running.
 */
public final class PaymentsClientProcess implements AutoCloseable {
  private static final int MAX_LINES = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final CountDownLatch pumpsDone = new CountDownLatch(2);

  private PaymentsClientProcess(Process process, Consumer<String> onLine) {
    this.process = process;
    pump(process.getInputStream(), stdout, onLine, "stdout");
    pump(process.getErrorStream(), stderr, onLine, "stderr");
  }

  /** Starts the client; every output line also goes to {@code onLine} (from a pump thread). */
  public static PaymentsClientProcess start(ClientLaunch launch, Consumer<String> onLine) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(launch.javaHome().resolve("bin").resolve("java").toString());
    command.add(launch.javaAgentOption());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(clientClasspath());
    command.add(PaymentsClient.class.getName());
    command.add("--base-uri=" + launch.providerUri());
    command.add("--token=" + launch.bearerToken());
    command.add("--client-id=" + launch.clientId());
    Collections.addAll(command, launch.scenario().toArgs());
    ProcessBuilder builder = new ProcessBuilder(command);
    // The child must not inherit a JAVA_TOOL_OPTIONS agent of the parent's: it gets exactly ours.
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    return new PaymentsClientProcess(builder.start(), onLine);
  }

  /** Waits for the client to exit; returns its exit code. */
  public int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new TimeoutException("the payments client did not exit within " + timeout);
    }
    int exitCode = process.exitValue();
    // The pumps may still be reading the last lines after exit.
    pumpsDone.await(5, TimeUnit.SECONDS);
    return exitCode;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The client's own tally: "METHOD template status" to the number of calls, read from its last line.
   *
   * @throws IllegalStateException when the client printed no tally (it failed or has not finished)
   */
  public Map<String, Long> tally() {
    for (int i = stdout.size() - 1; i >= 0; i--) {
      String line = stdout.get(i);
      if (line.startsWith(TrafficTally.LINE_PREFIX)) {
        try {
          return JSON.readValue(line.substring(TrafficTally.LINE_PREFIX.length()), new TypeReference<Map<String, Long>>() {});
        } catch (IOException e) {
          throw new IllegalStateException("unreadable tally line: " + line, e);
        }
      }
    }
    throw new IllegalStateException("the payments client printed no tally; its stderr: " + stderr);
  }

  public List<String> stdoutLines() {
    return List.copyOf(stdout);
  }

  public List<String> stderrLines() {
    return List.copyOf(stderr);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private void pump(InputStream stream, List<String> into, Consumer<String> onLine, String name) {
    Thread pump = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          if (into.size() < MAX_LINES) {
            into.add(line);
          }
          onLine.accept(line);
        }
      } catch (IOException e) {
        into.add("(output lost: " + e + ")");
      } finally {
        pumpsDone.countDown();
      }
    }, "payments-client-" + name);
    pump.setDaemon(true);
    pump.start();
  }

  /** Where the client's classes are: the demo's classes folder or jar. */
  private static String clientClasspath() {
    try {
      return Path.of(PaymentsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException("cannot locate the client's classes", e));
    }
  }
}

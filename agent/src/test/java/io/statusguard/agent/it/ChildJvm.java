package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ScenarioApp} in a child JVM, with or without the agent jar built by this module, and
 * collects what it printed. Output goes to files under {@code target/it-runs}, which stay for
 * diagnosis. Every run is bounded in time.
 */
final class ChildJvm {
  static final Path CURRENT_JAVA = Paths.get(System.getProperty("java.home"), "bin", "java");
  static final Path JDK25_JAVA = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
  private static final long RUN_TIMEOUT_SECONDS = 120;

  private final Path java;
  private final String agentArguments;

  private ChildJvm(Path java, String agentArguments) {
    this.java = java;
    this.agentArguments = agentArguments;
  }

  static ChildJvm withAgent(Path java, String agentArguments) {
    return new ChildJvm(java, agentArguments);
  }

  static ChildJvm withoutAgent(Path java) {
    return new ChildJvm(java, null);
  }

  static Path agentJar() {
    String jar = System.getProperty("statusguard.agent.jar", "target/statusguard-agent.jar");
    Path path = Paths.get(jar).toAbsolutePath();
    assertThat(path).as("the agent jar (built by mvn package)").isRegularFile();
    return path;
  }

  /** Runs {@code ScenarioApp args...} and returns once it has exited. */
  Run run(String name, String... args) throws IOException, InterruptedException {
    return start(name, args).awaitExit();
  }

  /** Starts {@code ScenarioApp args...}; the caller must {@link Started#awaitExit()} or kill it. */
  Started start(String name, String... args) throws IOException, InterruptedException {
    Path runs = Files.createDirectories(
        Paths.get(System.getProperty("statusguard.it.runs", "target/it-runs")));
    Path stdout = runs.resolve(name + ".out");
    Path stderr = runs.resolve(name + ".err");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    if (agentArguments != null) {
      command.add("-javaagent:" + agentJar() + "=" + agentArguments);
    }
    command.add("-Dsun.net.httpserver.nodelay=true");
    command.add("-D" + StubKeystore.PROPERTY + "=" + StubKeystore.path());
    command.add("-Xmx128m");
    command.add("-cp");
    command.add(testClasses().toString());
    command.add(ScenarioApp.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    // The child reads its configuration from arguments only.
    builder.environment().keySet().removeIf(key -> key.startsWith("STATUSGUARD_"));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    return new Started(name, builder.start(), stdout, stderr);
  }

  /** A child JVM that is running, or has run. */
  static final class Started {
    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    Started(String name, Process process, Path stdout, Path stderr) {
      this.name = name;
      this.process = process;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    long pid() {
      return process.pid();
    }

    /** What the child printed to stdout so far. */
    List<String> stdoutSoFar() throws IOException {
      return Files.readAllLines(stdout, StandardCharsets.UTF_8);
    }

    /** What the child printed to stderr so far. */
    List<String> stderrSoFar() throws IOException {
      return Files.readAllLines(stderr, StandardCharsets.UTF_8);
    }

    Run awaitExit() throws IOException, InterruptedException {
      boolean exited = process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      long exitedAtMillis = System.currentTimeMillis();
      if (!exited) {
        kill();
        throw new AssertionError(name + " did not exit within " + RUN_TIMEOUT_SECONDS + " s; see "
            + stdout.toAbsolutePath());
      }
      return new Run(process.exitValue(), Files.readAllLines(stdout, StandardCharsets.UTF_8),
          Files.readAllLines(stderr, StandardCharsets.UTF_8), exitedAtMillis);
    }

    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Path testClasses() {
    try {
      return Paths.get(
          ScenarioApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What one child JVM printed, and when it exited. */
  record Run(int exitCode, List<String> stdout, List<String> stderr, long exitedAtMillis) {
    int stubPort() {
      return Integer.parseInt(ports().split(" ")[1].substring("stub=".length()));
    }

    int deadPort() {
      return Integer.parseInt(ports().split(" ")[2].substring("dead=".length()));
    }

    int tlsPort() {
      return Integer.parseInt(ports().split(" ")[3].substring("tls=".length()));
    }

    private String ports() {
      return stdout.stream().filter(line -> line.startsWith("PORTS ")).findFirst()
          .orElseThrow(() -> new AssertionError("no PORTS line in " + stdout + " / " + stderr));
    }

    /** The scenario outcomes, which must not depend on whether the agent is there. */
    List<String> outcomes() {
      return stdout.stream()
          .filter(line -> !line.startsWith("PORTS ") && !line.startsWith("DONE "))
          .toList();
    }

    /** Milliseconds from the end of {@code main} to the process's exit, as seen by this JVM. */
    long exitDelayMillis() {
      String done = stdout.stream().filter(line -> line.startsWith("DONE ")).findFirst()
          .orElseThrow(() -> new AssertionError("no DONE line in " + stdout + " / " + stderr));
      return exitedAtMillis - Long.parseLong(done.substring("DONE ".length()));
    }

    /**
     * What the JVM printed to stderr besides the agent's own lines and the JVM's notice that
     * class data sharing is limited once the bootstrap class path was appended to (printed for
     * every agent that injects bootstrap classes).
     */
    List<String> otherStderrLines() {
      return stderr.stream()
          .filter(line -> !line.startsWith("[statusguard]"))
          .filter(line -> !line.contains("Sharing is only supported for boot loader classes"))
          .toList();
    }

    List<String> agentLines() {
      return stderr.stream().filter(line -> line.startsWith("[statusguard]")).toList();
    }

    String summary() {
      return stderr.stream().filter(line -> line.startsWith("[statusguard] agent stopped: "))
          .findFirst().orElseThrow(() -> new AssertionError("no summary line in " + stderr));
    }
  }
}

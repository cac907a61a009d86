package io.statusguard.agent.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a scenario application's {@code main} in a child JVM, with or without the agent jar, on the
 * class path of the current test JVM minus the agent's own classes (the application must get the
 * agent only through {@code -javaagent}) or on a class path of its own, or runs an executable jar,
 * and collects what it printed. Output goes to files under
 * the directory named by the system property {@code statusguard.it.runs} ({@code target/it-runs}),
 * which stay for diagnosis. Every run is bounded in time. Immutable.
 */
public final class ChildJvm {
  public static final Path CURRENT_JAVA = Paths.get(System.getProperty("java.home"), "bin", "java");
  public static final Path JDK25_JAVA = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
  private static final String AGENT_CLASS = "io.statusguard.agent.StatusguardAgent";
  private static final long RUN_TIMEOUT_SECONDS = 120;

  private final Path java;
  private final String agentArguments;
  private final List<String> jvmArguments;
  /** Empty: this JVM's class path, minus the agent. */
  private final List<Path> classPath;

  private ChildJvm(Path java, String agentArguments, List<String> jvmArguments,
      List<Path> classPath) {
    this.java = java;
    this.agentArguments = agentArguments;
    this.jvmArguments = List.copyOf(jvmArguments);
    this.classPath = List.copyOf(classPath);
  }

  public static ChildJvm withAgent(Path java, String agentArguments) {
    return new ChildJvm(java, agentArguments, List.of(), List.of());
  }

  public static ChildJvm withoutAgent(Path java) {
    return new ChildJvm(java, null, List.of(), List.of());
  }

  /** A copy that also passes {@code arguments} to the JVM, before the main class. */
  public ChildJvm withJvmArguments(String... arguments) {
    List<String> all = new ArrayList<>(jvmArguments);
    all.addAll(List.of(arguments));
    return new ChildJvm(java, agentArguments, all, classPath);
  }

  /**
   * A copy that runs the main class on {@code classPath} instead of this JVM's class path: for an
   * application whose libraries are not the test's, such as other versions of the same ones.
   */
  public ChildJvm withClassPath(List<Path> classPath) {
    if (classPath.isEmpty()) {
      throw new IllegalArgumentException("an empty class path");
    }
    return new ChildJvm(java, agentArguments, jvmArguments, classPath);
  }

  /** The shaded agent jar, named by the system property {@code statusguard.agent.jar}. */
  public static Path agentJar() {
    String jar = System.getProperty("statusguard.agent.jar", "target/statusguard-agent.jar");
    Path path = Paths.get(jar).toAbsolutePath().normalize();
    assertThat(path).as("the agent jar (built by mvn -pl agent package)").isRegularFile();
    return path;
  }

  /** Runs {@code mainClass args...} and returns once it has exited. */
  public Run run(String name, Class<?> mainClass, String... args)
      throws IOException, InterruptedException {
    return start(name, mainClass, args).awaitExit();
  }

  /** Starts {@code mainClass args...}; the caller must {@link Started#awaitExit()} or kill it. */
  public Started start(String name, Class<?> mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> launch = new ArrayList<>();
    launch.add("-cp");
    launch.add(classPath.isEmpty() ? applicationClassPath()
        : classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    launch.add(mainClass.getName());
    launch.addAll(List.of(args));
    return start(name, launch);
  }

  /**
   * Runs {@code java -jar jar args...}, an executable jar that carries its own class path (a Spring
   * Boot jar, say), and returns once it has exited.
   */
  public Run runJar(String name, Path jar, String... args)
      throws IOException, InterruptedException {
    assertThat(jar).as("the application's jar").isRegularFile();
    List<String> launch = new ArrayList<>(List.of("-jar", jar.toString()));
    launch.addAll(List.of(args));
    return start(name, launch).awaitExit();
  }

  /** Starts the JVM with {@code launch}: what follows the JVM's options on its command line. */
  private Started start(String name, List<String> launch)
      throws IOException, InterruptedException {
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
    // A run lasts seconds: C2's compilations would cost more processor time than they save, on
    // two cores that the build shares between two modules.
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmArguments);
    command.addAll(launch);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    // The child reads its configuration from arguments only.
    builder.environment().keySet().removeIf(key -> key.startsWith("STATUSGUARD_"));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    return new Started(name, builder.start(), stdout, stderr);
  }

  private static String applicationClassPath() {
    Optional<Path> agentClasses = agentClassesOnTestClassPath();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .filter(entry -> agentClasses.isEmpty()
            || !Paths.get(entry).toAbsolutePath().normalize().equals(agentClasses.get()))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Where the agent's classes come from in this JVM, if they are on its class path at all: the
   * agent module's {@code target/classes}, or a module's {@code provided} dependency on the agent.
   */
  private static Optional<Path> agentClassesOnTestClassPath() {
    try {
      Class<?> agent = Class.forName(AGENT_CLASS, false, ChildJvm.class.getClassLoader());
      CodeSource source = agent.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty()
          : Optional.of(Paths.get(source.getLocation().toURI()).toAbsolutePath().normalize());
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A child JVM that is running, or has run. Not thread-safe. */
  public static final class Started {
    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private Started(String name, Process process, Path stdout, Path stderr) {
      this.name = name;
      this.process = process;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    public long pid() {
      return process.pid();
    }

    /** What the child printed to stdout so far. */
    public List<String> stdoutSoFar() throws IOException {
      return Files.readAllLines(stdout, StandardCharsets.UTF_8);
    }

    /** What the child printed to stderr so far. */
    public List<String> stderrSoFar() throws IOException {
      return Files.readAllLines(stderr, StandardCharsets.UTF_8);
    }

    public Run awaitExit() throws IOException, InterruptedException {
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

    public void kill() throws InterruptedException {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}

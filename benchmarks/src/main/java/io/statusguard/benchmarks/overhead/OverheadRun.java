package io.statusguard.benchmarks.overhead;

import io.statusguard.benchmarks.workload.ClientWorkload;
import io.statusguard.benchmarks.workload.WorkloadReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the overhead measurement's child JVMs: a loopback server for the whole run, then, round by
 * round, each setup's no-op JVM and workload JVM, one after another and never two at once. Confined to
 * the calling thread.
 */
public final class OverheadRun {
  /** The line statusguard's agent prints at exit: its seen, sent and dropped counts. */
  static final String STATUSGUARD_EXIT_LINE = "[statusguard] agent stopped:";

  private final ChildCommands commands;
  private final int requestsPerClient;
  private final int warmupPerClient;
  private final long settleMillis;
  private final Duration childTimeout;
  private final Path logDirectory;

  private OverheadRun(Builder builder) {
    this.commands = new ChildCommands(builder.java, builder.workloadJvmArguments,
        builder.workloadClasspath, builder.agentJars, builder.bootstrapServers);
    this.requestsPerClient = builder.requestsPerClient;
    this.warmupPerClient = builder.warmupPerClient;
    this.settleMillis = builder.settleMillis;
    this.childTimeout = builder.childTimeout;
    this.logDirectory = builder.logDirectory;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Measures {@code rounds} rounds of every setup in {@link AgentSetup} order, telling {@code progress}
   * about each run as it ends.
   */
  public List<RunFigures> rounds(int rounds, Consumer<String> progress)
      throws IOException, InterruptedException {
    List<RunFigures> figures = new ArrayList<>();
    try (LoopbackServerProcess server =
        LoopbackServerProcess.start(commands.server(), logDirectory.resolve("server.err"))) {
      // A setup's first JVM reads its jars from disk and fills the OS's caches: not measured.
      for (AgentSetup setup : AgentSetup.values()) {
        run(commands.noop(setup), setup, 0, "noop");
      }
      for (int round = 1; round <= rounds; round++) {
        for (AgentSetup setup : AgentSetup.values()) {
          RunFigures run = measure(setup, round, server.baseUrl());
          figures.add(run);
          progress.accept(describe(run, rounds));
        }
      }
    }
    return figures;
  }

  private RunFigures measure(AgentSetup setup, int round, String baseUrl)
      throws IOException, InterruptedException {
    ChildProcess.Outcome noop = run(commands.noop(setup), setup, round, "noop");
    ChildProcess.Outcome workload = run(commands.workload(setup, baseUrl, requestsPerClient,
        warmupPerClient, settleMillis), setup, round, "workload");
    long readyNanos = workload.nanosUntil(ClientWorkload.READY);
    String result = workload.lineStartingWith(WorkloadReport.PREFIX);
    if (readyNanos < 0 || result == null) {
      throw new IOException(setup.title() + " workload printed no " + ClientWorkload.READY + " or "
          + "no result; its stderr is in " + workload.stderr());
    }
    return new RunFigures(setup, round, readyNanos, noop.wallNanos(), WorkloadReport.parse(result),
        setup == AgentSetup.STATUSGUARD ? exitLine(workload.stderr()) : null);
  }

  private ChildProcess.Outcome run(List<String> command, AgentSetup setup, int round, String kind)
      throws IOException, InterruptedException {
    Path stderr = logDirectory.resolve(String.format(Locale.ROOT, "%s-%d-%s.err",
        setup.name().toLowerCase(Locale.ROOT), round, kind));
    ChildProcess.Outcome outcome = ChildProcess.run(command, stderr, childTimeout);
    if (outcome.exitCode() != 0) {
      throw new IOException(setup.title() + " " + kind + " JVM exited with " + outcome.exitCode()
          + "; its stderr is in " + stderr + "; command: " + String.join(" ", command));
    }
    return outcome;
  }

  private static String exitLine(Path stderr) throws IOException {
    for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
      if (line.startsWith(STATUSGUARD_EXIT_LINE)) {
        return line;
      }
    }
    return null;
  }

  private static String describe(RunFigures run, int rounds) {
    WorkloadReport workload = run.workload();
    return String.format(Locale.ROOT, "round %d/%d %-13s ready %6.1f ms, no-op %6.1f ms, phase CPU "
        + "%7.1f ms, wall %7.1f ms, p50/p99 JDK %5.0f/%6.0f µs, OkHttp %5.0f/%6.0f µs, %6.0f B/request"
        + "%s", run.round(), rounds, run.setup().title(), run.readyNanos() / 1e6,
        run.noopExitNanos() / 1e6, workload.cpuNanos() / 1e6, workload.wallNanos() / 1e6,
        workload.jdkHttpClient().p50Nanos() / 1e3, workload.jdkHttpClient().p99Nanos() / 1e3,
        workload.okHttp().p50Nanos() / 1e3, workload.okHttp().p99Nanos() / 1e3,
        (double) workload.allocatedBytes() / workload.requests(),
        run.agentSummary() == null ? "" : "; " + run.agentSummary());
  }

  /** The settings of a run; every one is required. */
  public static final class Builder {
    private Path java;
    private List<String> workloadJvmArguments;
    private String workloadClasspath;
    private AgentJars agentJars;
    private String bootstrapServers;
    private int requestsPerClient;
    private int warmupPerClient;
    private long settleMillis;
    private Duration childTimeout;
    private Path logDirectory;

    private Builder() {}

    public Builder java(Path java) {
      this.java = java;
      return this;
    }

    /** Arguments every workload JVM gets, before the agent's. */
    public Builder workloadJvmArguments(List<String> workloadJvmArguments) {
      this.workloadJvmArguments = workloadJvmArguments;
      return this;
    }

    public Builder workloadClasspath(String workloadClasspath) {
      this.workloadClasspath = workloadClasspath;
      return this;
    }

    public Builder agentJars(AgentJars agentJars) {
      this.agentJars = agentJars;
      return this;
    }

    /** The Kafka broker statusguard's agent sends to. */
    public Builder bootstrapServers(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
      return this;
    }

    public Builder requestsPerClient(int requestsPerClient) {
      this.requestsPerClient = requestsPerClient;
      return this;
    }

    public Builder warmupPerClient(int warmupPerClient) {
      this.warmupPerClient = warmupPerClient;
      return this;
    }

    public Builder settleMillis(long settleMillis) {
      this.settleMillis = settleMillis;
      return this;
    }

    public Builder childTimeout(Duration childTimeout) {
      this.childTimeout = childTimeout;
      return this;
    }

    /** Where each child JVM's stderr is kept. */
    public Builder logDirectory(Path logDirectory) {
      this.logDirectory = logDirectory;
      return this;
    }

    public OverheadRun build() {
      Objects.requireNonNull(java, "java");
      Objects.requireNonNull(workloadJvmArguments, "workloadJvmArguments");
      Objects.requireNonNull(workloadClasspath, "workloadClasspath");
      Objects.requireNonNull(agentJars, "agentJars");
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(childTimeout, "childTimeout");
      Objects.requireNonNull(logDirectory, "logDirectory");
      return new OverheadRun(this);
    }
  }
}

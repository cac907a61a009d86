package io.statusguard.benchmarks;

import io.statusguard.benchmarks.overhead.AgentJars;
import io.statusguard.benchmarks.overhead.AgentSetup;
import io.statusguard.benchmarks.overhead.OverheadReport;
import io.statusguard.benchmarks.overhead.OverheadRun;
import io.statusguard.benchmarks.overhead.RunFigures;
import io.statusguard.event.EventTopic;
import io.statusguard.kafka.embedded.KafkaBroker;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Issue 3's process-level overhead measurement: one loopback workload (sequential requests with the JDK
 * HttpClient and with OkHttp against a local server) in a fresh JVM per run, without an agent, with
 * statusguard's agent sending to a real Kafka broker, and with the OpenTelemetry Java agent (exporters
 * off), interleaved round by round so that drifting machine load hits every setup alike. Prints a
 * markdown table of medians and ratios to the bare run, and the figures issue 3 sets targets for.
 *
 * <p>Build, then run with the defaults (5 rounds of 5,000 requests per client):
 * {@code mvn -pl benchmarks -am package -DskipTests && java -cp
 * benchmarks/target/statusguard-benchmarks.jar io.statusguard.benchmarks.AgentOverheadHarness};
 * {@code --help} lists the options.
 */
@Command(name = "AgentOverheadHarness", mixinStandardHelpOptions = true,
    description = "Measures statusguard's agent against no agent and the OpenTelemetry agent.")
public final class AgentOverheadHarness implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--requests", defaultValue = "5000",
      description = "Measured requests per client in each run (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--warmup", defaultValue = "2000",
      description = "Unmeasured requests per client before them (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--rounds", defaultValue = "5",
      description = "Rounds; each runs every setup once (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--settle-ms", defaultValue = "1000", description = "Pause after the requests, "
      + "inside the measured phase, for the agents' deferred work (default: ${DEFAULT-VALUE}).")
  long settleMillis;

  @Option(names = "--heap", defaultValue = "512m",
      description = "-Xms and -Xmx of the workload JVMs (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--jvm-arg", description = "An extra argument for every workload JVM; repeatable.")
  List<String> jvmArguments = new ArrayList<>();

  @Option(names = "--java", description = "The java launcher of the child JVMs (default: this JVM's).")
  Path java = Path.of(System.getProperty("java.home"), "bin", "java");

  @Option(names = "--statusguard-agent",
      description = "statusguard's agent jar (default: target/agents/statusguard-agent.jar).")
  Path statusguardAgent;

  @Option(names = "--otel-agent", description = "The OpenTelemetry agent jar "
      + "(default: target/agents/opentelemetry-javaagent.jar).")
  Path openTelemetryAgent;

  @Option(names = "--workload-classpath",
      description = "Class path of the workload JVMs (default: the jars in target/workload).")
  String workloadClasspath;

  @Option(names = "--child-timeout-seconds", defaultValue = "600",
      description = "Longest a child JVM may run (default: ${DEFAULT-VALUE}).")
  long childTimeoutSeconds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new AgentOverheadHarness()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    validate();
    Path build = buildDirectory();
    AgentJars defaults = AgentJars.in(build);
    AgentJars jars = new AgentJars(
        statusguardAgent != null ? statusguardAgent : defaults.statusguard(),
        openTelemetryAgent != null ? openTelemetryAgent : defaults.openTelemetry()).requireExisting();
    String classpath = workloadClasspath != null ? workloadClasspath : workloadJars(build);
    Path logs = Files.createTempDirectory("statusguard-overhead-");
    System.err.println("Child JVM output goes to " + logs);
    List<String> workloadJvm = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
    workloadJvm.addAll(jvmArguments);
    List<RunFigures> figures;
    try (KafkaBroker broker = KafkaBroker.start()) {
      broker.createTopic(EventTopic.DEFAULT_NAME, 1);
      OverheadRun run = OverheadRun.builder()
          .java(java)
          .workloadJvmArguments(workloadJvm)
          .workloadClasspath(classpath)
          .agentJars(jars)
          .bootstrapServers(broker.bootstrapServers())
          .requestsPerClient(requests)
          .warmupPerClient(warmup)
          .settleMillis(settleMillis)
          .childTimeout(Duration.ofSeconds(childTimeoutSeconds))
          .logDirectory(logs)
          .build();
      figures = run.rounds(rounds, System.err::println);
    }
    System.out.println(OverheadReport.of(figures, Files.size(jars.statusguard()),
        Files.size(jars.openTelemetry())).toMarkdown());
    System.out.println("Setups: " + describe(jars) + "; workload JVMs: " + String.join(" ", workloadJvm)
        + "; java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " CPUs.");
    return 0;
  }

  private void validate() {
    if (requests < 1 || warmup < 0 || rounds < 1 || settleMillis < 0 || childTimeoutSeconds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--requests, --rounds and "
          + "--child-timeout-seconds must be positive; --warmup and --settle-ms must not be negative");
    }
  }

  private static String describe(AgentJars jars) {
    StringBuilder out = new StringBuilder();
    for (AgentSetup setup : AgentSetup.values()) {
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(setup.title()).append(": ")
          .append(setup == AgentSetup.NONE ? "-" : String.join(" ",
              setup.jvmArguments(jars, "<broker>")));
    }
    return out.toString();
  }

  /** The jars the build copies into {@code target/workload}: the workload classes and OkHttp. */
  static String workloadJars(Path buildDirectory) throws IOException {
    Path directory = buildDirectory.resolve("workload");
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException(directory + " is missing: build it with "
          + "'mvn -pl benchmarks -am package -DskipTests', or pass --workload-classpath");
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.toString().endsWith(".jar"))
          .sorted()
          .map(Path::toString)
          .collect(Collectors.joining(File.pathSeparator));
    }
  }

  /** {@code benchmarks/target}: where this class was loaded from, the jar's or the classes' folder. */
  static Path buildDirectory() {
    try {
      Path location = Path.of(AgentOverheadHarness.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      return location.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.statusguard.analyzer;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code java -jar statusguard-analyzer.jar --bootstrap-servers HOST:PORT}. Each option
 * falls back to an environment variable; an invalid value ends the process with exit code 2 and a message.
 */
@Command(
    name = "statusguard-analyzer",
    mixinStandardHelpOptions = true,
    versionProvider = AnalyzerMain.ManifestVersion.class,
    sortOptions = false,
    showDefaultValues = true,
    description = "Reads statusguard response events from Kafka and serves them as Prometheus metrics "
        + "on /metrics, with /healthz for probes.",
    footer = "%nEvery option can also be set by an environment variable named " + AnalyzerMain.ENV_PREFIX
        + "<OPTION>, e.g. " + AnalyzerMain.ENV_PREFIX + "HTTP_PORT=9464; a command-line option wins.")
public final class AnalyzerMain implements Callable<Integer> {
  static final String ENV_PREFIX = "STATUSGUARD_ANALYZER_";

  private static final Logger log = LoggerFactory.getLogger(AnalyzerMain.class);

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "Kafka brokers to connect to. Required.")
  private String bootstrapServers;

  @Option(names = "--topic", paramLabel = "NAME", defaultValue = AnalyzerConfig.DEFAULT_TOPIC,
      description = "The topic the agents send events to.")
  private String topic;

  @Option(names = "--group-id", paramLabel = "ID", defaultValue = AnalyzerConfig.DEFAULT_GROUP_ID,
      description = "The consumer group; analyzers in one group share the topic's partitions.")
  private String groupId;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "" + AnalyzerConfig.DEFAULT_HTTP_PORT,
      description = "Port for /metrics and /healthz; 0 picks a free port.")
  private int httpPort;

  @Option(names = "--http-host", paramLabel = "HOST", defaultValue = AnalyzerConfig.DEFAULT_HTTP_HOST,
      description = "Address to bind the HTTP server to.")
  private String httpHost;

  @Option(names = "--max-endpoints", paramLabel = "COUNT", defaultValue = "" + AnalyzerConfig.DEFAULT_MAX_ENDPOINTS,
      description = "Distinct endpoint label values kept; later ones are counted as _OTHER.")
  private int maxEndpoints;

  @Spec
  private CommandSpec spec;

  private final Launcher launcher;

  private AnalyzerMain(Launcher launcher) {
    this.launcher = launcher;
  }

  /** Runs an analyzer for a valid configuration and returns the process's exit code. */
  @FunctionalInterface
  interface Launcher {
    int launch(AnalyzerConfig config) throws InterruptedException;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, /* autoFlush= */ true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, /* autoFlush= */ true, StandardCharsets.UTF_8);
    System.exit(execute(args, System.getenv(), out, err, AnalyzerMain::runUntilStopped));
  }

  /** Parses {@code args} with {@code env} as fallback and hands a valid config to {@code launcher}. */
  static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err, Launcher launcher) {
    CommandLine commandLine = new CommandLine(new AnalyzerMain(launcher));
    commandLine.setDefaultValueProvider(new EnvironmentDefaults(env));
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    if (bootstrapServers == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--bootstrap-servers' "
          + "(or environment variable " + EnvironmentDefaults.variableName("--bootstrap-servers") + ")");
    }
    AnalyzerConfig config;
    try {
      config = new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid configuration: " + e.getMessage());
    }
    return launcher.launch(config);
  }

  private static int runUntilStopped(AnalyzerConfig config) throws InterruptedException {
    Analyzer analyzer;
    try {
      analyzer = Analyzer.start(config);
    } catch (UncheckedIOException e) {
      log.error("Cannot start: {}", e.getMessage());
      return 1;
    }
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      analyzer.close();
    }, "statusguard-shutdown"));
    analyzer.awaitTermination();
    if (stopping.get()) {
      return 0;
    }
    log.error("The consumer stopped unexpectedly; exiting so that a supervisor restarts the analyzer");
    return 1;
  }

  /** Takes an option's default from {@code STATUSGUARD_ANALYZER_<OPTION>}, e.g. {@code ..._HTTP_PORT}. */
  private static final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> env;

    EnvironmentDefaults(Map<String, String> env) {
      this.env = Map.copyOf(env);
    }

    static String variableName(String optionName) {
      return ENV_PREFIX + optionName.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
      if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
        return null;
      }
      return env.get(variableName(option.longestName()));
    }
  }

  /** Reads the version from the jar's manifest. */
  static final class ManifestVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AnalyzerMain.class.getPackage().getImplementationVersion();
      return new String[] {"statusguard-analyzer " + (version == null ? "(development build)" : version)};
    }
  }
}

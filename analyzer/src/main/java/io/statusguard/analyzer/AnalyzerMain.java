package io.statusguard.analyzer;

import io.statusguard.analyzer.profile.InvalidProfileException;
import io.statusguard.analyzer.profile.ProviderProfile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * may also come from an environment variable or a config file, in that order of precedence after the
 * command line; an invalid value from any of them ends the process with exit code 2 and a message naming
 * where the value came from.
 */
@Command(
    name = "statusguard-analyzer",
    mixinStandardHelpOptions = true,
    versionProvider = AnalyzerMain.ManifestVersion.class,
    sortOptions = false,
    showDefaultValues = true,
    description = "Reads statusguard response events from Kafka, classifies them in the provider's error model "
        + "and serves /api/v1/endpoints, /api/v1/agents, Prometheus metrics on /metrics, and /healthz and /readyz "
        + "for probes.",
    footer = {"%nEvery option can also be set by an environment variable named " + AnalyzerMain.ENV_PREFIX
        + "<OPTION>, e.g. " + AnalyzerMain.ENV_PREFIX + "HTTP_PORT=9464, or by a line <option>=<value> in the "
        + "--config file, e.g. http-port=9464. Precedence: command line, then environment, then config file, "
        + "then the defaults shown."})
public final class AnalyzerMain implements Callable<Integer> {
  static final String ENV_PREFIX = "STATUSGUARD_ANALYZER_";
  static final String CONFIG_OPTION = "--config";

  private static final Logger log = LoggerFactory.getLogger(AnalyzerMain.class);

  @Option(names = CONFIG_OPTION, paramLabel = "FILE",
      description = "A file of <option>=<value> lines (Java properties), e.g. bootstrap-servers=kafka:9092.")
  private Path configFile;

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
      description = "Port for /metrics, /healthz, /readyz and /api/v1; 0 picks a free port.")
  private int httpPort;

  @Option(names = "--http-host", paramLabel = "HOST", defaultValue = AnalyzerConfig.DEFAULT_HTTP_HOST,
      description = "Address to bind the HTTP server to.")
  private String httpHost;

  @Option(names = "--max-endpoints", paramLabel = "COUNT", defaultValue = "" + AnalyzerConfig.DEFAULT_MAX_ENDPOINTS,
      description = "Distinct endpoint label values kept; later ones are counted as _OTHER.")
  private int maxEndpoints;

  @Option(names = "--max-series", paramLabel = "COUNT", defaultValue = "" + AnalyzerConfig.DEFAULT_MAX_SERIES,
      description = "Response series in the metrics; later ones are counted under their status and class only.")
  private int maxSeries;

  @Option(names = "--max-window-keys", paramLabel = "COUNT",
      defaultValue = "" + AnalyzerConfig.DEFAULT_MAX_WINDOW_KEYS,
      description = "Series kept in the event-time windows (about 8 KiB each); the least used are evicted.")
  private int maxWindowKeys;

  @Option(names = "--rebuild-window", paramLabel = "DURATION", defaultValue = "1h",
      converter = DurationConverter.class,
      description = "History read back on a partition assignment to rebuild the windows, e.g. 30m; 0 for none.")
  private Duration rebuildWindow;

  @Option(names = "--profile", paramLabel = "FILE",
      description = "A provider profile (YAML) replacing the built-in one.")
  private Path profile;

  @Option(names = "--dead-letter-topic", paramLabel = "NAME",
      description = "Copy rejected records to this topic, with the reason in a header. Off by default.")
  private String deadLetterTopic;

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

  /**
   * Parses {@code args}, with {@code env} and the config file as fallbacks, and hands a valid config to
   * {@code launcher}.
   */
  static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err, Launcher launcher) {
    CommandLine commandLine = new CommandLine(new AnalyzerMain(launcher));
    commandLine.setOut(out);
    commandLine.setErr(err);
    ConfigFile file;
    try {
      file = configFile(args, env, commandLine.getCommandSpec());
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    FallbackValues fallbacks = new FallbackValues(env, file);
    commandLine.setDefaultValueProvider(fallbacks);
    CommandLine.IParameterExceptionHandler reporter = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler((e, arguments) ->
        reporter.handleParseException(fallbacks.naming(e, arguments), arguments));
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    if (bootstrapServers == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--bootstrap-servers' "
          + "(or environment variable " + FallbackValues.variableName("--bootstrap-servers") + ")");
    }
    AnalyzerConfig config;
    try {
      config = new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
          maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
      if (profile != null) {
        // Loaded here to fail fast with exit code 2; the analyzer loads it again when it starts.
        ProviderProfile.load(profile);
      }
    } catch (InvalidProfileException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid configuration: " + e.getMessage());
    }
    return launcher.launch(config);
  }

  /** The config file named by {@value #CONFIG_OPTION} or its environment variable, or null when there is none. */
  private static ConfigFile configFile(String[] args, Map<String, String> env, CommandSpec spec) {
    // Read before parsing: picocli asks for fallback values while it parses.
    String path = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals(CONFIG_OPTION) && i + 1 < args.length) {
        path = args[i + 1];
      } else if (args[i].startsWith(CONFIG_OPTION + "=")) {
        path = args[i].substring(CONFIG_OPTION.length() + 1);
      }
    }
    if (path == null) {
      path = env.get(FallbackValues.variableName(CONFIG_OPTION));
    }
    if (path == null || path.isBlank()) {
      return null;
    }
    Set<String> keys = new HashSet<>();
    for (OptionSpec option : spec.options()) {
      if (!option.usageHelp() && !option.versionHelp() && !option.longestName().equals(CONFIG_OPTION)) {
        keys.add(FallbackValues.keyName(option.longestName()));
      }
    }
    return ConfigFile.load(Path.of(path), keys);
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

  /**
   * Takes an option's value, when the command line has none, from {@code STATUSGUARD_ANALYZER_<OPTION>}
   * or else from the config file, and remembers which, so that an invalid value's message can say where
   * it came from.
   */
  private static final class FallbackValues implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> env;
    private final ConfigFile file;
    private final Map<String, String> sources = new HashMap<>();

    FallbackValues(Map<String, String> env, ConfigFile file) {
      this.env = Map.copyOf(env);
      this.file = file;
    }

    static String variableName(String optionName) {
      return ENV_PREFIX + keyName(optionName).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    static String keyName(String optionName) {
      return optionName.replaceFirst("^-+", "");
    }

    @Override
    public String defaultValue(ArgSpec argument) {
      if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
        return null;
      }
      String variable = variableName(option.longestName());
      String value = env.get(variable);
      if (value != null) {
        sources.put(option.longestName(), "environment variable " + variable);
        return value;
      }
      String key = keyName(option.longestName());
      value = file == null ? null : file.value(key);
      if (value != null) {
        sources.put(option.longestName(), "key '" + key + "' in config file " + file.path());
      }
      return value;
    }

    /** Returns {@code e} with the source of its value added, when the value did not come from the command line. */
    ParameterException naming(ParameterException e, String[] args) {
      if (!(e.getArgSpec() instanceof OptionSpec option) || onCommandLine(option, args)) {
        return e;
      }
      String source = sources.get(option.longestName());
      if (source == null) {
        return e;
      }
      return new ParameterException(e.getCommandLine(), e.getMessage() + " (set by " + source + ")", e.getCause(),
          e.getArgSpec(), e.getValue());
    }

    private static boolean onCommandLine(OptionSpec option, String[] args) {
      for (String arg : args) {
        for (String name : option.names()) {
          if (arg.equals(name) || arg.startsWith(name + "=")) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** Reads {@code 90s}, {@code 30m}, {@code 1h}, {@code 0} or an ISO-8601 duration such as {@code PT1H}. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
      String text = value.strip();
      Matcher matcher = SHORT.matcher(text);
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        if (unit == null) {
          if (amount == 0) {
            return Duration.ZERO;
          }
        } else {
          switch (unit) {
            case "ms":
              return Duration.ofMillis(amount);
            case "s":
              return Duration.ofSeconds(amount);
            case "m":
              return Duration.ofMinutes(amount);
            default:
              return Duration.ofHours(amount);
          }
        }
      }
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration such as 90s, 30m, 1h or PT1H");
      }
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

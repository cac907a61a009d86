package io.statusguard.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;

/**
 * Runs the simulator standalone until the process is stopped: {@code --name=value} or
 * {@code --name value} flags override {@link SimulatorConfig#defaults()}; {@code --help} lists them.
 * Durations read as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 24h} or ISO-8601 ({@code PT10S}).
 */
public final class SimulatorCommand {
  private static final Map<String, Flag> FLAGS = flags();

  private SimulatorCommand() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(usage());
      return;
    }
    SimulatorConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("provider simulator: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    ProviderSimulator simulator = ProviderSimulator.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "provider-simulator-shutdown"));
    System.out.println("provider simulator listening on " + simulator.baseUri()
        + ", ClientID " + simulator.clientId()
        + (config.bearerToken().equals(SimulatorConfig.DEFAULT_BEARER_TOKEN)
            ? ", bearer token " + SimulatorConfig.DEFAULT_BEARER_TOKEN : ", bearer token as given"));
    stopped.await();
  }

  /** Turns flags into a configuration; throws {@link IllegalArgumentException} saying what is wrong. */
  static SimulatorConfig parse(String[] args) {
    SimulatorConfig config = SimulatorConfig.defaults();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      Flag flag = FLAGS.get(name);
      if (flag == null) {
        throw new IllegalArgumentException("unknown flag --" + name);
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      config = flag.applyTo(config, value);
    }
    return config;
  }

  static String usage() {
    StringBuilder usage = new StringBuilder("usage: SimulatorCommand [--flag=value ...]\n");
    FLAGS.values().forEach(flag -> usage.append(String.format(Locale.ROOT, "  --%-32s %s%n",
        flag.name() + "=<" + flag.valueHint() + ">", flag.description())));
    return usage.toString();
  }

  /** Parses {@code 500ms}, {@code 10s}, {@code 5m}, {@code 24h} or an ISO-8601 duration. */
  static Duration parseDuration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p")) {
        return Duration.parse(value);
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw notADuration(text, null);
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw notADuration(text, e);
    }
  }

  private static IllegalArgumentException notADuration(String text, Exception cause) {
    return new IllegalArgumentException("not a duration: '" + text + "' (try 10s, 500ms, 5m, 24h)", cause);
  }

  private static Map<String, Flag> flags() {
    Map<String, Flag> flags = new LinkedHashMap<>();
    List.of(
        new Flag("port", "int", "TCP port on 127.0.0.1, 0 for a free one (default 0)",
            (c, v) -> c.withPort(integer(v))),
        new Flag("token", "text", "the accepted bearer token",
            SimulatorConfig::withBearerToken),
        new Flag("client-ids", "id,id", "known ClientIDs, the first is the default",
            (c, v) -> c.withClientIds(List.of(v.split(",")))),
        new Flag("seed", "long", "seed of identifiers and 207 outcomes (default 1)",
            (c, v) -> c.withSeed(longValue(v))),
        new Flag("reference-window", "duration", "retrieve by ReferenceID works this long (default 24h)",
            (c, v) -> c.withReferenceLookupWindow(parseDuration(v))),
        new Flag("poll-interval", "duration", "least gap between retrievals of a transaction (default 1s)",
            (c, v) -> c.withMinPollInterval(parseDuration(v))),
        new Flag("rate-limit", "int", "requests per caller per second, 0 for none (default 0)",
            (c, v) -> c.withRequestsPerSecondLimit(integer(v))),
        new Flag("unknown-probability", "0..1", "chance CreateTransaction answers 207 (default 0.01)",
            (c, v) -> c.withUnknownOutcomeProbability(decimal(v).doubleValue())),
        new Flag("transaction-limit", "amount", "largest amount per transaction (default 10000.00)",
            (c, v) -> c.withTransactionLimit(decimal(v))),
        new Flag("max-accounts", "int", "accounts kept per client (default 10000)",
            (c, v) -> c.withMaxAccounts(integer(v))),
        new Flag("max-transactions", "int", "transactions kept per client (default 10000)",
            (c, v) -> c.withMaxTransactions(integer(v))),
        new Flag("threads", "int", "worker threads (default 4)",
            (c, v) -> c.withWorkerThreads(integer(v))),
        new Flag("block-window", "duration", "firewall sliding window (default 10s)",
            (c, v) -> c.withBlockPolicy(c.blockPolicy().withWindow(parseDuration(v)))),
        new Flag("block-min-requests", "int", "requests in the window before the ratio counts (default 20)",
            (c, v) -> c.withBlockPolicy(c.blockPolicy().withMinRequests(integer(v)))),
        new Flag("block-error-ratio", "0..1", "error share that blocks (default 0.8)",
            (c, v) -> c.withBlockPolicy(c.blockPolicy().withErrorRatio(decimal(v).doubleValue()))),
        new Flag("block-not-found-conflict-limit", "int", "404+409 count above which it blocks (default 30)",
            (c, v) -> c.withBlockPolicy(c.blockPolicy().withNotFoundOrConflictLimit(integer(v)))),
        new Flag("block-cool-down", "duration", "how long a block lasts (default 60s)",
            (c, v) -> c.withBlockPolicy(c.blockPolicy().withCoolDown(parseDuration(v)))))
        .forEach(flag -> flags.put(flag.name(), flag));
    return Collections.unmodifiableMap(flags);
  }

  private static int integer(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an integer: '" + value + "'", e);
    }
  }

  private static long longValue(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an integer: '" + value + "'", e);
    }
  }

  private static BigDecimal decimal(String value) {
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: '" + value + "'", e);
    }
  }

  /** One command-line flag and how it changes the configuration. */
  private record Flag(
      String name, String valueHint, String description,
      BiFunction<SimulatorConfig, String, SimulatorConfig> apply) {

    SimulatorConfig applyTo(SimulatorConfig config, String value) {
      return apply.apply(config, value);
    }
  }
}

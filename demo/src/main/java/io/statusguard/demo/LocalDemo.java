package io.statusguard.demo;

import io.statusguard.analyzer.Analyzer;
import io.statusguard.analyzer.AnalyzerConfig;
import io.statusguard.analyzer.export.ResponseCounts;
import io.statusguard.demo.client.Scenario;
import io.statusguard.demo.client.TrafficTally;
import io.statusguard.event.EventTopic;
import io.statusguard.kafka.embedded.KafkaBroker;
import io.statusguard.simulator.ProviderSimulator;
import io.statusguard.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * README's first command: statusguard end to end on one machine. Starts a real Kafka broker (KRaft, a
 * child JVM), the provider simulator and the analyzer, then a sample payments client in a JVM of its own
 * with the agent attached. The client plays steady traffic, then a faulty release that retrieves unknown
 * transactions in a burst; the terminal shows what the analyzer counts as it happens, and the run ends
 * with a summary and the URLs to look at ({@code --keep-running} keeps everything up until Ctrl-C).
 */
public final class LocalDemo {
  private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);
  private static final String SERVICE_NAME = "payments-demo";

  private final PrintStream out;
  private final boolean keepRunning;
  private final int httpPort;
  private final Scenario scenario;

  private LocalDemo(PrintStream out, boolean keepRunning, int httpPort, Scenario scenario) {
    this.out = out;
    this.keepRunning = keepRunning;
    this.httpPort = httpPort;
    this.scenario = scenario;
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println("usage: java -jar demo/target/statusguard-demo.jar [--keep-running] [--http-port=9464]"
          + " [--steady-seconds=25] [--steady-rate=8] [--burst-calls=150] [--burst-rate=40]"
          + " [--after-burst-calls=12] [--seed=7]");
      return;
    }
    boolean keepRunning = Arrays.asList(args).contains("--keep-running");
    int httpPort = Arrays.stream(args).filter(a -> a.startsWith("--http-port="))
        .map(a -> Integer.parseInt(a.substring("--http-port=".length())))
        .findFirst().orElse(AnalyzerConfig.DEFAULT_HTTP_PORT);
    locateAgentJar();
    new LocalDemo(System.out, keepRunning, httpPort, Scenario.parse(args)).run();
  }

  private void run() throws IOException, InterruptedException, TimeoutException {
    out.println("statusguard demo: starting a Kafka broker (KRaft), the provider simulator and the analyzer");
    try (KafkaBroker broker = KafkaBroker.start();
        ProviderSimulator provider = ProviderSimulator.start(SimulatorConfig.defaults());
        Analyzer analyzer = startAnalyzer(broker.bootstrapServers())) {
      broker.createTopic(EventTopic.DEFAULT_NAME, 3);
      out.printf("  Kafka            %s (log: %s)%n", broker.bootstrapServers(), broker.logFile());
      out.printf("  provider         %s%n", provider.baseUri());
      out.printf("  analyzer         %s%n", analyzer.metricsUri());
      ClientLaunch launch = ClientLaunch.of(
          Map.of("bootstrap.servers", broker.bootstrapServers(), "service.name", SERVICE_NAME,
              "egress.group", "demo-egress"),
          provider.baseUri(), provider.bearerToken(), provider.clientId(), scenario);
      out.printf("%nstarting the payments client: java %s ... PaymentsClient%n", launch.javaAgentOption());
      PaymentsClientProcess client = play(launch, analyzer);
      printSummary(client, analyzer.snapshot(), provider, analyzer);
      if (keepRunning) {
        out.println("\n--keep-running: everything stays up; press Ctrl-C to stop.");
        new CountDownLatch(1).await();
      }
    }
  }

  private Analyzer startAnalyzer(String bootstrapServers) {
    AnalyzerConfig config = AnalyzerConfig.defaults().withBootstrapServers(bootstrapServers).withHttpPort(httpPort);
    try {
      return Analyzer.start(config);
    } catch (UncheckedIOException portTaken) {
      out.printf("  (port %d is taken: the analyzer takes a free port)%n", httpPort);
      return Analyzer.start(config.withHttpPort(0));
    }
  }

  /** Runs the client to its end while drawing the live view; then waits for the analyzer to catch up. */
  private PaymentsClientProcess play(ClientLaunch launch, Analyzer analyzer)
      throws IOException, InterruptedException, TimeoutException {
    LiveView view = new LiveView(out);
    long started = System.nanoTime();
    try (PaymentsClientProcess client = PaymentsClientProcess.start(launch, line -> out.println("  [client] " + line))) {
      long deadline = started + CLIENT_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        TimeUnit.SECONDS.sleep(3);
        if (!client.isAlive()) {
          break;
        }
        view.draw(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), analyzer.snapshot());
      }
      int exitCode = client.waitFor(Duration.ofSeconds(10));
      if (exitCode != 0) {
        throw new IllegalStateException("the payments client failed with exit code " + exitCode);
      }
      awaitAnalyzer(analyzer, client.tally());
      view.draw(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), analyzer.snapshot());
      return client;
    }
  }

  private static void awaitAnalyzer(Analyzer analyzer, Map<String, Long> tally) throws InterruptedException {
    long sent = tally.values().stream().mapToLong(Long::longValue).sum();
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    while (analyzer.snapshot().total() < sent && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private void printSummary(
      PaymentsClientProcess client, ResponseCounts counts, ProviderSimulator provider, Analyzer analyzer) {
    Map<String, Long> tally = client.tally();
    Map<String, Double> counted = byMethodEndpointStatus(counts);
    out.println("\n=== summary ===");
    out.printf("%-80s %8s %9s%n", "method endpoint status", "client", "analyzer");
    Map<String, Boolean> keys = new TreeMap<>();
    tally.keySet().forEach(k -> keys.put(k, true));
    counted.keySet().forEach(k -> keys.put(k, true));
    keys.keySet().forEach(key -> out.printf("%-80s %8d %9.0f%n",
        key, tally.getOrDefault(key, 0L), counted.getOrDefault(key, 0.0)));
    long sent = tally.values().stream().mapToLong(Long::longValue).sum();
    out.printf("the client made %d calls; the analyzer counted %.0f responses%s%n", sent, counts.total(),
        sent == Math.round(counts.total()) ? " (all of them)" : " (not yet all of them)");
    out.printf("the provider blocked 127.0.0.1: %s%n", provider.isBlocked("127.0.0.1") ? "YES" : "no");
    client.stderrLines().stream().filter(l -> l.startsWith("[statusguard]")).forEach(l -> out.println("agent: " + l));
    out.println("\nlook at:");
    out.printf("  %s              Prometheus metrics (statusguard_responses_total, ...)%n", analyzer.metricsUri());
    out.printf("  %s     current rates per endpoint, status and error class, with the provider's advice%n",
        analyzer.metricsUri().resolve("/api/v1/endpoints"));
    out.printf("  %s              health%n", analyzer.metricsUri().resolve("/healthz"));
    out.println("  dashboards/grafana/statusguard-overview.json   the Grafana dashboard for these metrics");
  }

  /** The analyzer's counts keyed as the client keys its tally: "METHOD template status". */
  static Map<String, Double> byMethodEndpointStatus(ResponseCounts counts) {
    Map<String, Double> keyed = new TreeMap<>();
    counts.counts().forEach((key, count) ->
        keyed.merge(TrafficTally.key(key.method(), key.endpoint(), key.status()), count, Double::sum));
    return keyed;
  }

  /** Finds the agent jar beside the demo jar unless the system property already names it. */
  private static void locateAgentJar() {
    if (System.getProperty(ClientLaunch.AGENT_JAR_PROPERTY) != null) {
      return;
    }
    try {
      // target/classes or target/statusguard-demo.jar: either way the agent jar was copied into target/.
      Path codeSource = Path.of(LocalDemo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      System.setProperty(ClientLaunch.AGENT_JAR_PROPERTY, codeSource.getParent().resolve("statusguard-agent.jar").toString());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot locate the demo's own jar", e);
    }
  }
}

package io.statusguard.analyzer;

import io.statusguard.analyzer.domain.agent.AgentDirectory;
import io.statusguard.analyzer.domain.agent.AgentsSnapshot;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.window.ResponseWindows;
import io.statusguard.analyzer.domain.window.WindowSettings;
import io.statusguard.analyzer.domain.window.WindowSnapshot;
import io.statusguard.analyzer.export.ResponseCounts;
import io.statusguard.analyzer.export.ResponseMetrics;
import io.statusguard.analyzer.http.AnalyzerHttpServer;
import io.statusguard.analyzer.http.ApiSource;
import io.statusguard.analyzer.http.Probes;
import io.statusguard.analyzer.ingest.ConsumerSettings;
import io.statusguard.analyzer.ingest.KafkaEventConsumer;
import io.statusguard.analyzer.ingest.ResponseEventDecoder;
import io.statusguard.analyzer.profile.ProviderProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running analyzer: a consumer group member reading the event topic into the provider's error model,
 * event-time windows and Prometheus metrics, served over HTTP. Embeddable: {@link #start} returns once
 * the HTTP port is bound, while the consumer joins its group in the background. Thread-safe; {@link
 * #close()} is idempotent.
 */
public final class Analyzer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Analyzer.class);

  private final ResponseMetrics metrics;
  private final ResponseWindows windows;
  private final AgentDirectory agents;
  private final KafkaEventConsumer consumer;
  private final AnalyzerHttpServer http;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Analyzer(ResponseMetrics metrics, ResponseWindows windows, AgentDirectory agents,
      KafkaEventConsumer consumer, AnalyzerHttpServer http) {
    this.metrics = metrics;
    this.windows = windows;
    this.agents = agents;
    this.consumer = consumer;
    this.http = http;
  }

  /**
   * Starts consuming and serving, on the system clock.
   *
   * @throws io.statusguard.analyzer.profile.InvalidProfileException when the configured profile is invalid
   * @throws UncheckedIOException when the HTTP address cannot be bound
   */
  public static Analyzer start(AnalyzerConfig config) {
    return start(config, InstantSource.system());
  }

  /**
   * As {@link #start(AnalyzerConfig)}, reading time from {@code clock}: the windows' now, and how far
   * back a partition assignment reads.
   */
  public static Analyzer start(AnalyzerConfig config, InstantSource clock) {
    ProviderProfile profile =
        config.profile() == null ? ProviderProfile.builtIn() : ProviderProfile.load(config.profile());
    ErrorModel errorModel = profile.errorModel();
    ResponseWindows windows = ResponseWindows.create(
        WindowSettings.defaults().withMaxSeries(config.maxWindowKeys()), clock);
    AgentDirectory agents = AgentDirectory.create(AgentDirectory.DEFAULT_MAX_AGENTS, clock);
    ResponseMetrics metrics = ResponseMetrics.create(config.maxEndpoints(), config.maxSeries());
    metrics.bindWindows(windows);
    metrics.bindAgents(agents);
    KafkaEventConsumer consumer = KafkaEventConsumer.start(
        new ConsumerSettings(config.bootstrapServers(), config.topic(), config.groupId(), config.rebuildWindow(),
            config.deadLetterTopic()),
        ResponseEventDecoder.create(),
        new AnalyzingSink(errorModel, windows, agents, metrics),
        clock);
    metrics.bindIngest(consumer);
    AnalyzerHttpServer http;
    try {
      http = AnalyzerHttpServer.start(new InetSocketAddress(config.httpHost(), config.httpPort()), metrics.registry(),
          new Probes(consumer::isRunning, consumer::isReady), new Views(windows, agents));
    } catch (IOException e) {
      consumer.close();
      throw new UncheckedIOException(
          "cannot serve HTTP on " + config.httpHost() + ':' + config.httpPort() + ": " + e.getMessage(), e);
    }
    Analyzer analyzer = new Analyzer(metrics, windows, agents, consumer, http);
    log.info("Reading topic {} from {} as group {} with provider profile {}; serving {}", config.topic(),
        config.bootstrapServers(), config.groupId(), profile.name(), analyzer.baseUri());
    return analyzer;
  }

  public int httpPort() {
    return http.port();
  }

  /** The HTTP server's root; a wildcard bind address is given as the loopback address. */
  public URI baseUri() {
    return uri("/");
  }

  /** Where to scrape; a wildcard bind address is given as the loopback address. */
  public URI metricsUri() {
    return uri(AnalyzerHttpServer.METRICS_PATH);
  }

  /** The response counts so far, summed over egress groups and classes. */
  public ResponseCounts snapshot() {
    return metrics.snapshot();
  }

  /** The current rates per series: what {@code /api/v1/endpoints} serves. */
  public WindowSnapshot endpoints() {
    return windows.snapshot();
  }

  /** The agents seen: what {@code /api/v1/agents} serves. */
  public AgentsSnapshot agents() {
    return agents.snapshot();
  }

  public ResponseMetrics metrics() {
    return metrics;
  }

  /** True while the consumer thread runs: what {@code /healthz} reports. */
  public boolean isHealthy() {
    return consumer.isRunning();
  }

  /** True once partitions are assigned and the windows rebuilt: what {@code /readyz} reports. */
  public boolean isReady() {
    return consumer.isReady();
  }

  /** Blocks until the consumer has stopped: after {@link #close()}, or when it failed beyond retrying. */
  public void awaitTermination() throws InterruptedException {
    consumer.awaitTermination();
  }

  /** Stops consuming (committing what was processed and leaving the group), then stops serving. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      consumer.close();
      http.close();
      log.info("Stopped");
    }
  }

  private URI uri(String path) {
    InetAddress address = http.address().getAddress();
    InetAddress reachable = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
    try {
      return new URI("http", null, reachable.getHostAddress(), http.port(), path, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The API's view of the windows and the agents. */
  private record Views(ResponseWindows responseWindows, AgentDirectory agentDirectory) implements ApiSource {
    @Override
    public WindowSnapshot endpoints() {
      return responseWindows.snapshot();
    }

    @Override
    public AgentsSnapshot agents() {
      return agentDirectory.snapshot();
    }
  }
}

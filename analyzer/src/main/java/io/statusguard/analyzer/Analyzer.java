package io.statusguard.analyzer;

import io.statusguard.analyzer.export.ResponseCounts;
import io.statusguard.analyzer.export.ResponseMetrics;
import io.statusguard.analyzer.http.AnalyzerHttpServer;
import io.statusguard.analyzer.ingest.ConsumerSettings;
import io.statusguard.analyzer.ingest.Decoded;
import io.statusguard.analyzer.ingest.IngestSink;
import io.statusguard.analyzer.ingest.KafkaEventConsumer;
import io.statusguard.analyzer.ingest.ResponseEventDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running analyzer: a consumer group member reading the event topic into Prometheus metrics, served
 * over HTTP. Embeddable: {@link #start} returns once the HTTP port is bound, while the consumer joins its
 * group in the background. Thread-safe; {@link #close()} is idempotent.
 */
public final class Analyzer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Analyzer.class);

  private final ResponseMetrics metrics;
  private final KafkaEventConsumer consumer;
  private final AnalyzerHttpServer http;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Analyzer(ResponseMetrics metrics, KafkaEventConsumer consumer, AnalyzerHttpServer http) {
    this.metrics = metrics;
    this.consumer = consumer;
    this.http = http;
  }

  /**
   * Starts consuming and serving.
   *
   * @throws UncheckedIOException when the HTTP address cannot be bound
   */
  public static Analyzer start(AnalyzerConfig config) {
    ResponseMetrics metrics = ResponseMetrics.create(config.maxEndpoints());
    KafkaEventConsumer consumer = KafkaEventConsumer.start(
        new ConsumerSettings(config.bootstrapServers(), config.topic(), config.groupId()),
        ResponseEventDecoder.create(),
        sinkFor(metrics));
    AnalyzerHttpServer http;
    try {
      http = AnalyzerHttpServer.start(
          new InetSocketAddress(config.httpHost(), config.httpPort()), metrics.registry(), consumer::isRunning);
    } catch (IOException e) {
      consumer.close();
      throw new UncheckedIOException(
          "cannot serve HTTP on " + config.httpHost() + ':' + config.httpPort() + ": " + e.getMessage(), e);
    }
    Analyzer analyzer = new Analyzer(metrics, consumer, http);
    log.info("Reading topic {} from {} as group {}; metrics at {}", config.topic(), config.bootstrapServers(),
        config.groupId(), analyzer.metricsUri());
    return analyzer;
  }

  public int httpPort() {
    return http.port();
  }

  /** Where to scrape; a wildcard bind address is given as the loopback address. */
  public URI metricsUri() {
    InetAddress address = http.address().getAddress();
    InetAddress reachable = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
    try {
      return new URI("http", null, reachable.getHostAddress(), http.port(), AnalyzerHttpServer.METRICS_PATH,
          null, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The response counts so far, summed over egress groups. */
  public ResponseCounts snapshot() {
    return metrics.snapshot();
  }

  public ResponseMetrics metrics() {
    return metrics;
  }

  /** True while the consumer thread runs: what {@code /healthz} reports. */
  public boolean isHealthy() {
    return consumer.isRunning();
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

  private static IngestSink sinkFor(ResponseMetrics metrics) {
    return decoded -> {
      metrics.recordConsumed();
      if (decoded instanceof Decoded.Accepted accepted) {
        metrics.recordResponse(accepted.event());
      } else if (decoded instanceof Decoded.Rejected rejected) {
        metrics.recordDecodeFailure(rejected.reason());
      } else if (decoded instanceof Decoded.Skipped skipped) {
        metrics.recordSkipped(skipped.eventType());
      }
    };
  }
}

package io.statusguard.analyzer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnalyzerHttpServerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private AnalyzerHttpServer server;

  @BeforeEach
  void start() throws Exception {
    registry.counter("statusguard.events.consumed").increment(7);
    server = AnalyzerHttpServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry, healthy::get);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void picksAFreePortForPortZero() {
    assertThat(server.port()).isPositive();
  }

  @Test
  void servesThePrometheusTextFormatByDefault() throws Exception {
    HttpResponse<String> response = send(request("/metrics").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("statusguard_events_consumed_total 7.0");
  }

  @Test
  void servesOpenMetricsWhenTheScraperAsksForIt() throws Exception {
    HttpResponse<String> response = send(request("/metrics")
        .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
    assertThat(response.body()).contains("statusguard_events_consumed_total 7.0").endsWith("# EOF\n");
  }

  @Test
  void reportsHealthWhileTheConsumerRunsAndUnavailabilityAfter() throws Exception {
    HttpResponse<String> up = send(request("/healthz").GET());
    healthy.set(false);
    HttpResponse<String> down = send(request("/healthz").GET());

    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body()).isEqualTo("ok\n");
    assertThat(down.statusCode()).isEqualTo(503);
  }

  @Test
  void answersHeadWithHeadersOnly() throws Exception {
    HttpResponse<String> response = send(request("/metrics").method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void refusesOtherMethods() throws Exception {
    HttpResponse<String> response = send(request("/metrics").POST(HttpRequest.BodyPublishers.ofString("x")));

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void answersNotFoundForOtherPathsEvenWithTheSamePrefix() throws Exception {
    assertThat(send(request("/").GET()).statusCode()).isEqualTo(404);
    assertThat(send(request("/metricsx").GET()).statusCode()).isEqualTo(404);
    assertThat(send(request("/healthz/deep").GET()).statusCode()).isEqualTo(404);
  }

  @Test
  void turnsNagleOffUnlessTheUserChose() {
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(TIMEOUT);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

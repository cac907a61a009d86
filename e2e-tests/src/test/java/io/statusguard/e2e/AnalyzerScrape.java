package io.statusguard.e2e;

import io.statusguard.analyzer.Analyzer;
import io.statusguard.demo.client.TrafficTally;
import io.statusguard.testing.ScrapedMetrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Reads the analyzer the way Prometheus does: over HTTP, from {@code /metrics}. */
final class AnalyzerScrape {
  static final String RESPONSES = "statusguard_responses_total";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private AnalyzerScrape() {}

  static ScrapedMetrics scrape(Analyzer analyzer) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(analyzer.metricsUri()).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("/metrics answered " + response.statusCode());
    }
    return ScrapedMetrics.parse(response.body());
  }

  /** Scrapes until {@code service}'s responses add up to {@code expected}, or the timeout; returns the last scrape. */
  static ScrapedMetrics awaitResponses(Analyzer analyzer, String service, double expected, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ScrapedMetrics metrics = scrape(analyzer);
    while (metrics.sum(RESPONSES, "service", service) < expected && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(250);
      metrics = scrape(analyzer);
    }
    return metrics;
  }

  /** {@code service}'s response counts keyed as the sample client keys its tally: "METHOD endpoint status". */
  static Map<String, Long> responsesByMethodEndpointStatus(ScrapedMetrics metrics, String service) {
    Map<String, Long> counts = new TreeMap<>();
    for (ScrapedMetrics.Sample sample : metrics.samples(RESPONSES)) {
      if (service.equals(sample.label("service"))) {
        String key = TrafficTally.key(
            sample.label("method"), sample.label("endpoint"), Integer.parseInt(sample.label("status")));
        counts.merge(key, Math.round(sample.value()), Long::sum);
      }
    }
    return counts;
  }
}

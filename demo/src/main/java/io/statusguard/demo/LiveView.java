package io.statusguard.demo;

import io.statusguard.analyzer.export.ResponseCounts;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders what the analyzer counts as a small table for the terminal: one row per endpoint, one column
 * per status, with the change since the previous frame. Plain text, so that it reads the same in a
 * terminal and in a CI log. Not thread-safe: one thread draws.
 */
final class LiveView {
  private final PrintStream out;
  private Map<String, Map<Integer, Double>> previous = Map.of();

  LiveView(PrintStream out) {
    this.out = out;
  }

  void draw(long elapsedSeconds, ResponseCounts counts) {
    Map<String, Map<Integer, Double>> rows = rows(counts);
    out.printf("%n[%3ds] the analyzer has counted %.0f responses%n", elapsedSeconds, counts.total());
    rows.forEach((endpoint, statuses) -> {
      StringBuilder line = new StringBuilder(String.format("  %-82s", endpoint));
      statuses.forEach((status, count) -> {
        double before = previous.getOrDefault(endpoint, Map.of()).getOrDefault(status, 0.0);
        line.append(String.format("  %s %4.0f", status == 0 ? "no-response" : status, count));
        if (count > before) {
          line.append(String.format(" (+%.0f)", count - before));
        }
      });
      out.println(line);
    });
    previous = rows;
  }

  /** "METHOD template (Operation)" to status to count, sorted for a stable picture. */
  static Map<String, Map<Integer, Double>> rows(ResponseCounts counts) {
    Map<String, Map<Integer, Double>> rows = new TreeMap<>();
    counts.counts().forEach((key, count) -> rows
        .computeIfAbsent(key.method() + ' ' + key.endpoint() + " (" + key.operation() + ')', k -> new TreeMap<>())
        .merge(key.status(), count, Double::sum));
    return rows;
  }
}

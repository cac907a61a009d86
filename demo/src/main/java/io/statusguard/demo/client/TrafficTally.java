package io.statusguard.demo.client;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the sample client itself sent and got back, per method, endpoint template and status (0 when no
 * response arrived). Thread-safe. The end-to-end test compares it with the analyzer's metrics.
 */
public final class TrafficTally {
  /** The prefix of the one stdout line that carries the final tally as a JSON object. */
  public static final String LINE_PREFIX = "statusguard-demo-tally ";

  private final Map<String, Long> counts = new TreeMap<>();
  private long failures;

  synchronized void record(Endpoint endpoint, int status) {
    counts.merge(key(endpoint.method(), endpoint.template(), status), 1L, Long::sum);
  }

  synchronized void recordFailure(Endpoint endpoint) {
    record(endpoint, 0);
    failures++;
  }

  /** Calls that ended in an exception the client saw (no response at all). */
  synchronized long failures() {
    return failures;
  }

  synchronized long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line: the prefix, then {"METHOD template status":count,...}. */
  synchronized String toLine() {
    StringBuilder line = new StringBuilder(LINE_PREFIX).append('{');
    counts.forEach((key, count) -> {
      if (line.charAt(line.length() - 1) != '{') {
        line.append(',');
      }
      line.append('"').append(key).append("\":").append(count);
    });
    return line.append('}').toString();
  }

  /** The tally's key for one series: "METHOD template status"; the analyzer's counts are compared under it. */
  public static String key(String method, String template, int status) {
    return method + ' ' + template + ' ' + status;
  }
}

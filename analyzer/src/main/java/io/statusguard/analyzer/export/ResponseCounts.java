package io.statusguard.analyzer.export;

import java.util.Map;
import java.util.Objects;

/**
 * An immutable copy of the response counters, summed over egress groups and classes: what a live view or
 * a test reads without parsing the Prometheus text. Counts are doubles because sampled events weigh more
 * than one.
 */
public record ResponseCounts(Map<Key, Double> counts) {

  /** One series; {@code operation} is {@code unknown} when the event named none. */
  public record Key(String service, String method, String host, String operation, String endpoint, int status) {
    public Key {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(endpoint, "endpoint");
    }
  }

  public ResponseCounts {
    counts = Map.copyOf(counts);
  }

  /** Returns the count of {@code key}, 0 when no such response was seen. */
  public double count(Key key) {
    return counts.getOrDefault(key, 0.0);
  }

  public double total() {
    return counts.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}

package io.statusguard.analyzer.http;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What {@code /healthz} and {@code /readyz} report: live while the analyzer can make progress, ready
 * once it serves complete windows. Both are called on HTTP threads and must be thread-safe and fast.
 */
public record Probes(BooleanSupplier live, BooleanSupplier ready) {
  public Probes {
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(ready, "ready");
  }
}

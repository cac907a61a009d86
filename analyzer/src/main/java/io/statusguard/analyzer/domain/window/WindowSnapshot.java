package io.statusguard.analyzer.domain.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Every series with a response within the retention, as of {@code time}, ordered by key. */
public record WindowSnapshot(Instant time, Duration retention, List<SeriesRates> series) {
  public WindowSnapshot {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(retention, "retention");
    series = List.copyOf(series);
  }
}

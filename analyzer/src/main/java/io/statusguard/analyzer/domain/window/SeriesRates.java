package io.statusguard.analyzer.domain.window;

import io.statusguard.analyzer.domain.status.Classification;
import java.time.Instant;
import java.util.Objects;

/**
 * One series as of a moment: its rates, how many responses it had within the retention, and the time of
 * its latest event.
 */
public record SeriesRates(SeriesKey key, Classification classification, Rates rates, double eventsInRetention,
    Instant lastEventTime) {
  public SeriesRates {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(lastEventTime, "lastEventTime");
  }
}

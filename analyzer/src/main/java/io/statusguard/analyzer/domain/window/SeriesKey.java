package io.statusguard.analyzer.domain.window;

import io.statusguard.analyzer.domain.status.StatusClass;
import java.util.Comparator;
import java.util.Objects;

/**
 * One series of responses: who sent them (service), from which address the provider saw them (egress
 * group), what was called, and what came back. The class is part of the key because one status can mean
 * two things, such as a 403 for a missing permission and a 403 for a blocked address.
 */
public record SeriesKey(String service, String egressGroup, String method, String operation, String endpoint,
    int status, StatusClass statusClass) implements Comparable<SeriesKey> {
  /** The operation of an event that named none. */
  public static final String UNKNOWN_OPERATION = "unknown";

  private static final Comparator<SeriesKey> ORDER = Comparator.comparing(SeriesKey::service)
      .thenComparing(SeriesKey::egressGroup)
      .thenComparing(SeriesKey::operation)
      .thenComparing(SeriesKey::endpoint)
      .thenComparing(SeriesKey::method)
      .thenComparingInt(SeriesKey::status)
      .thenComparing(SeriesKey::statusClass);

  public SeriesKey {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(egressGroup, "egressGroup");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(statusClass, "statusClass");
  }

  @Override
  public int compareTo(SeriesKey other) {
    return ORDER.compare(this, other);
  }
}

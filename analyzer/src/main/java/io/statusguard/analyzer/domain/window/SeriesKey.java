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

  /** A hash of a key's parts that spreads them into the low bits, for a table indexed by a mask. */
  static int hash(String service, String egressGroup, String method, String operation, String endpoint, int status,
      StatusClass statusClass) {
    int hash = service.hashCode();
    hash = 31 * hash + egressGroup.hashCode();
    hash = 31 * hash + method.hashCode();
    hash = 31 * hash + operation.hashCode();
    hash = 31 * hash + endpoint.hashCode();
    hash = 31 * hash + status;
    hash = 31 * hash + statusClass.ordinal();
    return hash ^ (hash >>> 16);
  }

  /** True when this key has exactly these parts. */
  boolean matches(String service, String egressGroup, String method, String operation, String endpoint, int status,
      StatusClass statusClass) {
    // Strings decoded from events are mostly shared instances, so equals usually ends at its identity check.
    return this.status == status && this.statusClass == statusClass && this.service.equals(service)
        && this.egressGroup.equals(egressGroup) && this.method.equals(method) && this.operation.equals(operation)
        && this.endpoint.equals(endpoint);
  }

  @Override
  public int compareTo(SeriesKey other) {
    return ORDER.compare(this, other);
  }
}

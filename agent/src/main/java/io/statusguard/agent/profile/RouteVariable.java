package io.statusguard.agent.profile;

/**
 * A {@code {Name}} of a route: where a request carries its value, either a path segment (by index) or a
 * query parameter (by name, matched case-insensitively). Immutable.
 */
public final class RouteVariable {
  private final String name;
  private final int segmentIndex;
  private final String queryName;

  private RouteVariable(String name, int segmentIndex, String queryName) {
    this.name = name;
    this.segmentIndex = segmentIndex;
    this.queryName = queryName;
  }

  static RouteVariable inSegment(String name, int segmentIndex) {
    return new RouteVariable(name, segmentIndex, null);
  }

  static RouteVariable inQuery(String name, String queryName) {
    return new RouteVariable(name, -1, queryName);
  }

  /** E.g. {@code TransactionID}: the resource type events carry for it. */
  public String name() {
    return name;
  }

  /** The 0-based index of the path segment that holds the value, or -1 when a query parameter does. */
  public int segmentIndex() {
    return segmentIndex;
  }

  /** The query parameter that holds the value, or null when a path segment does. */
  public String queryName() {
    return queryName;
  }

  @Override
  public String toString() {
    return queryName == null ? name + "@segment" + segmentIndex : name + "@?" + queryName;
  }
}

package io.statusguard.agent.endpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One operation of the provider's API: a method, a path pattern whose {@code {Name}} segments match any
 * one segment, and optionally a query parameter the request must carry (case-insensitive), as in
 * {@code GET /v1/clients/{ClientID}/transactions?referenceID=...}. Immutable.
 */
public final class ProviderRoute {
  private final String method;
  private final String pattern;
  private final String operation;
  private final String requiredQueryName;
  private final List<String> segments;

  private ProviderRoute(String method, String pattern, String operation, String requiredQueryName) {
    this.method = requireText(method, "method");
    this.pattern = requireText(pattern, "pattern");
    this.operation = requireText(operation, "operation");
    this.requiredQueryName = requiredQueryName;
    if (pattern.charAt(0) != '/') {
      throw new IllegalArgumentException("pattern must start with '/': " + pattern);
    }
    this.segments = Collections.unmodifiableList(new ArrayList<>(UriComponents.pathSegments(pattern)));
  }

  public static ProviderRoute of(String method, String pattern, String operation) {
    return new ProviderRoute(method, pattern, operation, null);
  }

  /** This route, matching only requests that carry query parameter {@code name}. */
  public ProviderRoute withRequiredQueryName(String name) {
    return new ProviderRoute(method, pattern, operation, requireText(name, "name"));
  }

  public String method() {
    return method;
  }

  /** The path pattern, which is also the endpoint template of the requests it matches. */
  public String pattern() {
    return pattern;
  }

  public String operation() {
    return operation;
  }

  /** The query parameter a request must carry to match, or null. */
  public String requiredQueryName() {
    return requiredQueryName;
  }

  boolean matches(String requestMethod, List<String> pathSegments, List<String> queryNames) {
    if (!method.equals(requestMethod) || segments.size() != pathSegments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String actual = pathSegments.get(i);
      boolean placeholder = expected.startsWith("{") && expected.endsWith("}");
      if (placeholder ? actual.isEmpty() : !expected.equals(actual)) {
        return false;
      }
    }
    return requiredQueryName == null || containsIgnoreCase(queryNames, requiredQueryName);
  }

  private static boolean containsIgnoreCase(List<String> names, String wanted) {
    for (String name : names) {
      if (name.equalsIgnoreCase(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String requireText(String value, String name) {
    if (Objects.requireNonNull(value, name).isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return value;
  }

  @Override
  public String toString() {
    return method + ' ' + pattern + (requiredQueryName == null ? "" : "?" + requiredQueryName)
        + " -> " + operation;
  }
}

package io.statusguard.agent.endpoint;

import java.util.List;
import java.util.Objects;

/**
 * What an event may say about a request target: the templated path, the provider's operation when a
 * route matched, and the query parameter names. Immutable.
 */
public final class Endpoint {
  private final String template;
  private final String operation;
  private final List<String> queryNames;

  private Endpoint(String template, String operation, List<String> queryNames) {
    this.template = Objects.requireNonNull(template, "template");
    this.operation = operation;
    this.queryNames = List.copyOf(queryNames);
  }

  static Endpoint of(String template, String operation, List<String> queryNames) {
    return new Endpoint(template, operation, queryNames);
  }

  /** E.g. {@code /v1/clients/{ClientID}/transactions/{TransactionID}} or {@code /orders/{id}}. */
  public String template() {
    return template;
  }

  /** The provider's operation name, or null when no route of the provider matched. */
  public String operation() {
    return operation;
  }

  /** Parameter names only, never values; identifier-like names are {@code {id}}. */
  public List<String> queryNames() {
    return queryNames;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Endpoint)) {
      return false;
    }
    Endpoint that = (Endpoint) o;
    return template.equals(that.template)
        && Objects.equals(operation, that.operation)
        && queryNames.equals(that.queryNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(template, operation, queryNames);
  }

  @Override
  public String toString() {
    return template + (operation == null ? "" : " (" + operation + ')')
        + (queryNames.isEmpty() ? "" : " ?" + String.join("&", queryNames));
  }
}

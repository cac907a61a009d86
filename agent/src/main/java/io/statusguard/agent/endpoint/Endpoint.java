package io.statusguard.agent.endpoint;

import java.util.List;
import java.util.Objects;

/**
 * What an event may say about a request target: the templated path, the provider's operation when a
 * route matched, and the query parameter names; when the route marks them, the resource the request
 * is about and the provider's client id (bounded and masked). Immutable.
 */
public final class Endpoint {
  private final String template;
  private final String operation;
  private final List<String> queryNames;
  private final String resourceType;
  private final String resourceId;
  private final String clientId;

  private Endpoint(String template, String operation, List<String> queryNames, String resourceType,
      String resourceId, String clientId) {
    this.template = Objects.requireNonNull(template, "template");
    this.operation = operation;
    this.queryNames = List.copyOf(queryNames);
    this.resourceType = resourceId == null ? null : resourceType;
    this.resourceId = resourceType == null ? null : resourceId;
    this.clientId = clientId;
  }

  static Endpoint of(String template, String operation, List<String> queryNames) {
    return new Endpoint(template, operation, queryNames, null, null, null);
  }

  static Endpoint of(String template, String operation, List<String> queryNames,
      String resourceType, String resourceId, String clientId) {
    return new Endpoint(template, operation, queryNames, resourceType, resourceId, clientId);
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

  /** The route's name for the resource identifier, e.g. {@code TransactionID}, or null. */
  public String resourceType() {
    return resourceType;
  }

  /** The resource identifier named by {@link #resourceType()}, or null. */
  public String resourceId() {
    return resourceId;
  }

  /** The provider's client id the request names, or null. */
  public String clientId() {
    return clientId;
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
        && queryNames.equals(that.queryNames)
        && Objects.equals(resourceType, that.resourceType)
        && Objects.equals(resourceId, that.resourceId)
        && Objects.equals(clientId, that.clientId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(template, operation, queryNames, resourceType, resourceId, clientId);
  }

  @Override
  public String toString() {
    return template + (operation == null ? "" : " (" + operation + ')')
        + (queryNames.isEmpty() ? "" : " ?" + String.join("&", queryNames));
  }
}

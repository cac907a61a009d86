package io.statusguard.agent.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a published event says about a response and its body, decoded from the record value: what
 * the error-body scenarios compare exactly. Absent fields are null (0 for the provider's status).
 */
public record ErrorBodyEvent(String method, String operation, String template, int status,
    String contentType, String bodyFormat, int providerStatus, String errorCode,
    String errorMessage) {

  public static ErrorBodyEvent decode(String value) {
    JsonNode node = PublishedEvent.tree(value);
    return new ErrorBodyEvent(text(node, "http.request.method"), text(node, "operation.name"),
        text(node, "url.template"), node.path("http.response.status_code").asInt(),
        text(node, "http.response.content_type"), text(node, "provider.body_format"),
        node.path("provider.status_code").asInt(), text(node, "provider.error_code"),
        text(node, "provider.error_message"));
  }

  /** A response whose body the agent did not capture: no format and no provider fields. */
  public static ErrorBodyEvent plain(String method, String operation, String template,
      int status) {
    return new ErrorBodyEvent(method, operation, template, status, "application/json", null, 0,
        null, null);
  }

  /** A response with a JSON body that held the provider's three fields. */
  public static ErrorBodyEvent json(String method, String operation, String template, int status,
      String errorCode, String errorMessage) {
    return new ErrorBodyEvent(method, operation, template, status, "application/json", "json",
        status, errorCode, errorMessage);
  }

  /** This event without its template and operation, for a case whose path the test does not fix. */
  public ErrorBodyEvent anyEndpoint() {
    return new ErrorBodyEvent(method, null, null, status, contentType, bodyFormat, providerStatus,
        errorCode, errorMessage);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}

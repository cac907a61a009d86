package io.statusguard.demo.client;

/**
 * A provider endpoint the sample client calls, named by the template the agent reports for it, so that
 * the client's own counts can be compared with the analyzer's series one for one.
 */
enum Endpoint {
  RETRIEVE_CLIENT("GET", "/v1/clients/{ClientID}"),
  CREATE_ACCOUNT("POST", "/v1/clients/{ClientID}/accounts"),
  CREATE_TRANSACTION("POST", "/v1/clients/{ClientID}/transactions"),
  RETRIEVE_TRANSACTION("GET", "/v1/clients/{ClientID}/transactions/{TransactionID}");

  private final String method;
  private final String template;

  Endpoint(String method, String template) {
    this.method = method;
    this.template = template;
  }

  String method() {
    return method;
  }

  String template() {
    return template;
  }

  /** The concrete path, with the client's ID and (where the template has one) the resource ID filled in. */
  String path(String clientId, String resourceId) {
    String path = template.replace("{ClientID}", clientId);
    return resourceId == null ? path : path.replace("{TransactionID}", resourceId);
  }
}

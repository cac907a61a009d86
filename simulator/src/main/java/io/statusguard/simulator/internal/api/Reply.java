package io.statusguard.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One finished answer: status, Content-Type, body text and any extra headers. JSON replies lead with
 * {@code SC}, {@code EC} and, on errors, {@code EM}, then the operation's own fields. Immutable.
 */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {
  public static final String JSON = "application/json";
  public static final String XML = "application/xml";

  private static final String IP_NOT_ALLOWED =
      "<Error><Code>Forbidden</Code><Message>IP address not allowed</Message></Error>";

  public Reply {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  public static Reply ok(ObjectNode fields) {
    return json(200, "0", null, fields);
  }

  public static Reply error(ErrorCondition condition) {
    return json(condition.status(), condition.code(), condition.message(), CompactJson.object());
  }

  /** An error whose {@code EM} names what was wrong, e.g. {@code Invalid Field: amount}. */
  public static Reply error(ErrorCondition condition, String detail) {
    return json(condition.status(), condition.code(), condition.message() + ": " + detail,
        CompactJson.object());
  }

  /** An error that carries fields of its own, like the 409's {@code duplicateAccountIDs}. */
  public static Reply error(ErrorCondition condition, ObjectNode fields) {
    return json(condition.status(), condition.code(), condition.message(), fields);
  }

  /** The firewall's answer to a blocked address: 403 with an XML body, unlike every other reply. */
  public static Reply ipNotAllowed() {
    return new Reply(403, XML, IP_NOT_ALLOWED, Map.of());
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }

  private static Reply json(int status, String code, String message, ObjectNode fields) {
    ObjectNode body = CompactJson.object().put("SC", status).put("EC", code);
    if (message != null) {
      body.put("EM", message);
    }
    body.setAll(fields);
    return new Reply(status, JSON, CompactJson.write(body), Map.of());
  }
}

package io.statusguard.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link ResponseEvent} as one compact JSON object (UTF-8), schema version {@link
 * SchemaVersion#CURRENT}. Hand-written so that the agent carries no JSON library; optional fields that
 * are absent are left out rather than written as null. Stateless and thread-safe.
 */
public final class ResponseEventEncoder {
  private ResponseEventEncoder() {}

  public static byte[] encode(ResponseEvent event) {
    return toJson(event).getBytes(StandardCharsets.UTF_8);
  }

  public static String toJson(ResponseEvent event) {
    StringBuilder out = new StringBuilder(512);
    out.append('{');
    string(out, EventFields.SCHEMA_VERSION, SchemaVersion.CURRENT);
    out.append(',');
    string(out, EventFields.EVENT_TYPE, EventFields.TYPE_HTTP_RESPONSE);
    out.append(',');
    number(out, EventFields.TIME_UNIX_MS, event.timeUnixMs());
    out.append(',');
    string(out, EventFields.SERVICE_NAME, event.serviceName());
    out.append(',');
    string(out, EventFields.SERVICE_INSTANCE_ID, event.instanceId());
    out.append(',');
    string(out, EventFields.EGRESS_GROUP, event.egressGroup());
    out.append(',');
    string(out, EventFields.CLIENT_LIBRARY, event.clientLibrary());
    out.append(',');
    string(out, EventFields.HTTP_REQUEST_METHOD, event.method());
    out.append(',');
    string(out, EventFields.URL_SCHEME, event.scheme());
    out.append(',');
    string(out, EventFields.SERVER_ADDRESS, event.host());
    out.append(',');
    number(out, EventFields.SERVER_PORT, event.port());
    out.append(',');
    string(out, EventFields.URL_TEMPLATE, event.endpointTemplate());
    optionalString(out, EventFields.OPERATION_NAME, event.operation());
    if (!event.queryNames().isEmpty()) {
      out.append(',');
      stringArray(out, EventFields.URL_QUERY_NAMES, event.queryNames());
    }
    out.append(',');
    number(out, EventFields.HTTP_RESPONSE_STATUS_CODE, event.status());
    if (event.errorType() != null) {
      optionalString(out, EventFields.ERROR_TYPE, event.errorType().wireName());
    }
    out.append(',');
    number(out, EventFields.DURATION_US, event.durationMicros());
    optionalString(out, EventFields.HTTP_RESPONSE_CONTENT_TYPE, event.contentType());
    optionalString(out, EventFields.PROVIDER_ERROR_MESSAGE, event.errorMessage());
    out.append(',');
    key(out, EventFields.SAMPLE_WEIGHT);
    double weight = event.sampleWeight();
    if (weight == Math.rint(weight) && weight < 1e15) {
      out.append((long) weight);
    } else {
      out.append(weight);
    }
    return out.append('}').toString();
  }

  private static void optionalString(StringBuilder out, String key, String value) {
    if (value != null) {
      out.append(',');
      string(out, key, value);
    }
  }

  private static void string(StringBuilder out, String key, String value) {
    key(out, key);
    quoted(out, value);
  }

  private static void number(StringBuilder out, String key, long value) {
    key(out, key);
    out.append(value);
  }

  private static void stringArray(StringBuilder out, String key, List<String> values) {
    key(out, key);
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      quoted(out, values.get(i));
    }
    out.append(']');
  }

  private static void key(StringBuilder out, String key) {
    out.append('"').append(key).append("\":");
  }

  private static void quoted(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}

package io.statusguard.event;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ResponseEvent} as one compact JSON object (UTF-8), schema version {@link
 * SchemaVersion#CURRENT}. Hand-written (see {@link JsonObjectWriter}) so that the agent carries no JSON
 * library; optional fields that are absent are left out rather than written as null. The static methods
 * are stateless and thread-safe; a {@link Reusable} encoder serves one thread.
 */
public final class ResponseEventEncoder {
  private static final int CAPACITY = 768;

  private ResponseEventEncoder() {}

  public static byte[] encode(ResponseEvent event) {
    return write(event, JsonObjectWriter.withCapacity(CAPACITY));
  }

  /** An encoder that keeps its buffer from one event to the next. */
  public static Reusable reusable() {
    return new Reusable();
  }

  private static byte[] write(ResponseEvent event, JsonObjectWriter json) {
    json.string(EventFields.SCHEMA_VERSION, SchemaVersion.CURRENT)
        .string(EventFields.EVENT_TYPE, EventFields.TYPE_HTTP_RESPONSE)
        .number(EventFields.TIME_UNIX_MS, event.timeUnixMs())
        .string(EventFields.SERVICE_NAME, event.serviceName())
        .string(EventFields.SERVICE_INSTANCE_ID, event.instanceId())
        .string(EventFields.EGRESS_GROUP, event.egressGroup())
        .string(EventFields.CLIENT_LIBRARY, event.clientLibrary())
        .string(EventFields.HTTP_REQUEST_METHOD, event.method())
        .string(EventFields.URL_SCHEME, event.scheme())
        .string(EventFields.SERVER_ADDRESS, event.host())
        .number(EventFields.SERVER_PORT, event.port())
        .string(EventFields.URL_TEMPLATE, event.endpointTemplate())
        .optionalString(EventFields.OPERATION_NAME, event.operation())
        .optionalStringArray(EventFields.URL_QUERY_NAMES, event.queryNames())
        .number(EventFields.HTTP_RESPONSE_STATUS_CODE, event.status());
    if (event.errorType() != null) {
      json.string(EventFields.ERROR_TYPE, event.errorType().wireName());
    }
    json.number(EventFields.DURATION_US, event.durationMicros())
        .optionalString(EventFields.HTTP_RESPONSE_CONTENT_TYPE, event.contentType())
        .optionalString(EventFields.PROVIDER_ERROR_MESSAGE, event.errorMessage())
        .number(EventFields.SAMPLE_WEIGHT, event.sampleWeight());
    if (event.providerStatus() > 0) {
      json.number(EventFields.PROVIDER_STATUS_CODE, event.providerStatus());
    }
    json.optionalString(EventFields.PROVIDER_ERROR_CODE, event.providerErrorCode());
    if (event.bodyFormat() != null) {
      json.string(EventFields.PROVIDER_BODY_FORMAT, event.bodyFormat().wireName());
    }
    return json.optionalString(EventFields.PROVIDER_RESOURCE_TYPE, event.resourceType())
        .optionalUniqueString(EventFields.PROVIDER_RESOURCE_ID, event.resourceId())
        .optionalString(EventFields.PROVIDER_CLIENT_ID, event.providerClientId())
        .finish();
  }

  /** The JSON that {@link #encode} writes, as text. */
  public static String toJson(ResponseEvent event) {
    return new String(encode(event), StandardCharsets.UTF_8);
  }

  /**
   * Encodes one event after another in one buffer, so that each costs only the array it returns, where
   * {@link ResponseEventEncoder#encode} also allocates and clears a buffer per event: for the agent's
   * publisher thread, which encodes every response. The buffer keeps the size of the largest event it
   * held, a few KiB at most, as every field of an event is bounded. Not thread-safe.
   */
  public static final class Reusable {
    private final JsonObjectWriter json = JsonObjectWriter.withCapacity(CAPACITY);

    private Reusable() {}

    /** The same bytes as {@link ResponseEventEncoder#encode}, in an array of their own. */
    public byte[] encode(ResponseEvent event) {
      return write(event, json.restart());
    }
  }
}

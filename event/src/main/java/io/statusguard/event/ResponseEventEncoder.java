package io.statusguard.event;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ResponseEvent} as one compact JSON object (UTF-8), schema version {@link
 * SchemaVersion#CURRENT}. Hand-written (see {@link JsonObjectWriter}) so that the agent carries no JSON
 * library; optional fields that are absent are left out rather than written as null. Stateless and
 * thread-safe.
 */
public final class ResponseEventEncoder {
  private ResponseEventEncoder() {}

  public static byte[] encode(ResponseEvent event) {
    JsonObjectWriter json = JsonObjectWriter.withCapacity(768)
        .string(EventFields.SCHEMA_VERSION, SchemaVersion.CURRENT)
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
}

package io.statusguard.analyzer.ingest;

import io.statusguard.event.EventFields;
import java.util.HashMap;
import java.util.Map;

/** The keys schema version 1 (up to minor version 1) gives a response event: each has a slot in an {@link EventObject}. */
enum EventField {
  SCHEMA_VERSION(EventFields.SCHEMA_VERSION),
  EVENT_TYPE(EventFields.EVENT_TYPE),
  TIME_UNIX_MS(EventFields.TIME_UNIX_MS),
  SERVICE_NAME(EventFields.SERVICE_NAME),
  SERVICE_INSTANCE_ID(EventFields.SERVICE_INSTANCE_ID),
  EGRESS_GROUP(EventFields.EGRESS_GROUP),
  CLIENT_LIBRARY(EventFields.CLIENT_LIBRARY),
  HTTP_REQUEST_METHOD(EventFields.HTTP_REQUEST_METHOD),
  URL_SCHEME(EventFields.URL_SCHEME),
  SERVER_ADDRESS(EventFields.SERVER_ADDRESS),
  SERVER_PORT(EventFields.SERVER_PORT),
  URL_TEMPLATE(EventFields.URL_TEMPLATE),
  OPERATION_NAME(EventFields.OPERATION_NAME),
  URL_QUERY_NAMES(EventFields.URL_QUERY_NAMES),
  HTTP_RESPONSE_STATUS_CODE(EventFields.HTTP_RESPONSE_STATUS_CODE),
  ERROR_TYPE(EventFields.ERROR_TYPE),
  DURATION_US(EventFields.DURATION_US),
  HTTP_RESPONSE_CONTENT_TYPE(EventFields.HTTP_RESPONSE_CONTENT_TYPE),
  PROVIDER_ERROR_MESSAGE(EventFields.PROVIDER_ERROR_MESSAGE),
  SAMPLE_WEIGHT(EventFields.SAMPLE_WEIGHT),
  PROVIDER_STATUS_CODE(EventFields.PROVIDER_STATUS_CODE),
  PROVIDER_ERROR_CODE(EventFields.PROVIDER_ERROR_CODE),
  PROVIDER_BODY_FORMAT(EventFields.PROVIDER_BODY_FORMAT),
  PROVIDER_RESOURCE_TYPE(EventFields.PROVIDER_RESOURCE_TYPE),
  PROVIDER_RESOURCE_ID(EventFields.PROVIDER_RESOURCE_ID),
  PROVIDER_CLIENT_ID(EventFields.PROVIDER_CLIENT_ID);

  static final int COUNT = values().length;
  private static final Map<String, EventField> BY_KEY = new HashMap<>();

  static {
    for (EventField field : values()) {
      BY_KEY.put(field.key, field);
    }
  }

  final String key;

  EventField(String key) {
    this.key = key;
  }

  /** The field named {@code key}, or null for a key this version does not read. */
  static EventField ofKey(String key) {
    // The parser hands out one canonical instance per key, whose hash is computed once.
    return BY_KEY.get(key);
  }
}

package io.statusguard.event;

/**
 * The JSON keys of the events of schema version 1: the response event and the agent heartbeat. Where
 * the OpenTelemetry semantic conventions name an attribute, the key is that name; the others are
 * statusguard's own and documented in {@code response-event-v1.schema.json} and {@code
 * agent-heartbeat-v1.schema.json}. Encoders and decoders share these constants so the wire names live
 * in one place.
 */
public final class EventFields {
  public static final String SCHEMA_VERSION = "schema_version";
  public static final String EVENT_TYPE = "event.type";
  public static final String TIME_UNIX_MS = "time_unix_ms";
  public static final String SERVICE_NAME = "service.name";
  public static final String SERVICE_INSTANCE_ID = "service.instance.id";
  public static final String EGRESS_GROUP = "egress.group";
  public static final String CLIENT_LIBRARY = "client.library";
  public static final String HTTP_REQUEST_METHOD = "http.request.method";
  public static final String URL_SCHEME = "url.scheme";
  public static final String SERVER_ADDRESS = "server.address";
  public static final String SERVER_PORT = "server.port";
  public static final String URL_TEMPLATE = "url.template";
  public static final String OPERATION_NAME = "operation.name";
  public static final String URL_QUERY_NAMES = "url.query.names";
  public static final String HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
  public static final String ERROR_TYPE = "error.type";
  public static final String DURATION_US = "duration_us";
  public static final String HTTP_RESPONSE_CONTENT_TYPE = "http.response.content_type";
  public static final String PROVIDER_ERROR_MESSAGE = "provider.error_message";
  public static final String SAMPLE_WEIGHT = "sample.weight";
  public static final String PROVIDER_STATUS_CODE = "provider.status_code";
  public static final String PROVIDER_ERROR_CODE = "provider.error_code";
  public static final String PROVIDER_BODY_FORMAT = "provider.body_format";
  public static final String PROVIDER_RESOURCE_TYPE = "provider.resource_type";
  public static final String PROVIDER_RESOURCE_ID = "provider.resource_id";
  public static final String PROVIDER_CLIENT_ID = "provider.client_id";

  // The agent heartbeat's own keys; it shares the identity keys above with the response event.
  public static final String AGENT_VERSION = "agent.version";
  public static final String PROCESS_RUNTIME_VERSION = "process.runtime.version";
  public static final String AGENT_UPTIME_MS = "agent.uptime_ms";
  public static final String HEARTBEAT_INTERVAL_MS = "agent.heartbeat.interval_ms";
  public static final String AGENT_STOPPING = "agent.stopping";
  public static final String RESPONSES_SEEN = "agent.responses.seen";
  public static final String EVENTS_SENT = "agent.events.sent";
  public static final String EVENTS_DROPPED_QUEUE_FULL = "agent.events.dropped.queue_full";
  public static final String EVENTS_DROPPED_SEND_FAILED = "agent.events.dropped.send_failed";
  public static final String EVENTS_DROPPED_ENCODE_FAILED = "agent.events.dropped.encode_failed";
  public static final String SEND_FAILURES = "agent.send_failures";
  public static final String QUEUE_DEPTH = "agent.queue.depth";
  /** Optional, written when not 0: successes left out by sampling. */
  public static final String SUCCESSES_SAMPLED_OUT = "agent.successes.sampled_out";
  /** Optional, written when not 0: responses whose endpoint template became {@code /{overflow}}. */
  public static final String TEMPLATE_OVERFLOWS = "agent.templates.overflow";

  /** The value of {@link #EVENT_TYPE} for one HTTP response (or one failed attempt). */
  public static final String TYPE_HTTP_RESPONSE = "http.response";
  /** The value of {@link #EVENT_TYPE} for an agent's periodic report on itself. */
  public static final String TYPE_AGENT_HEARTBEAT = "agent.heartbeat";

  private EventFields() {}
}

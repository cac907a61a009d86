package io.statusguard.analyzer.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusguard.analyzer.ingest.DecodeFailure;
import io.statusguard.event.ResponseEvent;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The analyzer's Prometheus metrics: responses by series, their durations, and the health of the
 * event stream. Every tag that comes from events has a cap on its distinct values; values past the cap
 * are counted under {@value #OVERFLOW_VALUE}, so totals stay right while the series stay bounded.
 * Thread-safe: one thread records while others scrape or take snapshots.
 */
public final class ResponseMetrics {
  public static final int DEFAULT_MAX_ENDPOINTS = 1000;
  /** The tag value that stands for every value past a tag's cap, and for unknown HTTP methods. */
  public static final String OVERFLOW_VALUE = "_OTHER";

  static final String RESPONSES = "statusguard.responses";
  static final String DURATION = "statusguard.response.duration";
  static final String DECODE_FAILURES = "statusguard.decode.failures";
  static final String EVENTS_CONSUMED = "statusguard.events.consumed";
  static final String EVENTS_SKIPPED = "statusguard.events.skipped";
  static final String SERIES_OVERFLOW = "statusguard.series.overflow";

  /** Services, egress groups, hosts and operations are few; the cap only guards against a broken agent. */
  static final int MAX_VALUES_PER_TAG = 1000;
  static final int MAX_EVENT_TYPES = 32;
  static final String UNKNOWN_OPERATION = "unknown";

  private static final Duration[] DURATION_BUCKETS = {
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  private final PrometheusMeterRegistry registry;
  private final TagValueLimit services = new TagValueLimit("service", MAX_VALUES_PER_TAG);
  private final TagValueLimit egressGroups = new TagValueLimit("egress_group", MAX_VALUES_PER_TAG);
  private final TagValueLimit hosts = new TagValueLimit("host", MAX_VALUES_PER_TAG);
  private final TagValueLimit operations = new TagValueLimit("operation", MAX_VALUES_PER_TAG);
  private final TagValueLimit endpoints;
  private final TagValueLimit eventTypes = new TagValueLimit("event_type", MAX_EVENT_TYPES);
  private final Map<String, Counter> overflows = new HashMap<>();
  private final Map<DecodeFailure, Counter> decodeFailures = new EnumMap<>(DecodeFailure.class);
  private final Counter consumed;

  private ResponseMetrics(PrometheusMeterRegistry registry, int maxEndpoints) {
    this.registry = registry;
    this.endpoints = new TagValueLimit("endpoint", maxEndpoints);
    // Registered up front so that dashboards and alerts see zeros rather than absent series.
    for (TagValueLimit limit : new TagValueLimit[] {services, egressGroups, hosts, operations, endpoints, eventTypes}) {
      overflows.put(limit.tagKey(), Counter.builder(SERIES_OVERFLOW)
          .description("Events whose tag value was replaced by " + OVERFLOW_VALUE + " because the tag reached its cap")
          .tag("tag", limit.tagKey())
          .register(registry));
    }
    for (DecodeFailure reason : DecodeFailure.values()) {
      decodeFailures.put(reason, Counter.builder(DECODE_FAILURES)
          .description("Records that could not be read as response events, by reason")
          .tag("reason", reason.wireName())
          .register(registry));
    }
    this.consumed = Counter.builder(EVENTS_CONSUMED)
        .description("Records read from the event topic, whatever became of them")
        .register(registry);
  }

  /** Creates metrics on a new Prometheus registry, with at most {@code maxEndpoints} endpoint tag values. */
  public static ResponseMetrics create(int maxEndpoints) {
    return new ResponseMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), maxEndpoints);
  }

  /** The registry to scrape, or to add further meters to. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void recordConsumed() {
    consumed.increment();
  }

  public void recordDecodeFailure(DecodeFailure reason) {
    decodeFailures.get(reason).increment();
  }

  public void recordSkipped(String eventType) {
    Counter.builder(EVENTS_SKIPPED)
        .description("Records of an event type this analyzer does not read")
        .tag("event_type", capped(eventTypes, eventType))
        .register(registry)
        .increment();
  }

  /** Counts the response by its sample weight and records its duration once. */
  public void recordResponse(ResponseEvent event) {
    String service = capped(services, event.serviceName());
    String egressGroup = capped(egressGroups, event.egressGroup());
    String host = capped(hosts, event.host());
    String operation = capped(operations, event.operation() == null ? UNKNOWN_OPERATION : event.operation());
    String endpoint = capped(endpoints, event.endpointTemplate());
    Tags where = Tags.of("service", service, "egress_group", egressGroup, "host", host,
        "operation", operation, "endpoint", endpoint);

    Counter.builder(RESPONSES)
        .description("HTTP responses from the provider, weighted by sampling; status 0 means no response arrived")
        .tags(where)
        .tag("method", method(event.method()))
        .tag("status", Integer.toString(event.status()))
        .register(registry)
        .increment(event.sampleWeight());
    // A timer cannot weigh a sample, so the histogram describes the events as sent, one each.
    Timer.builder(DURATION)
        .description("Time from request start to response or failure, one observation per event")
        .tags(where)
        .serviceLevelObjectives(DURATION_BUCKETS)
        .register(registry)
        .record(event.durationMicros(), TimeUnit.MICROSECONDS);
  }

  /** Copies the response counters, summed over egress groups. */
  public ResponseCounts snapshot() {
    Map<ResponseCounts.Key, Double> counts = new HashMap<>();
    for (Counter counter : registry.find(RESPONSES).counters()) {
      counts.merge(keyOf(counter.getId()), counter.count(), Double::sum);
    }
    return new ResponseCounts(counts);
  }

  private static ResponseCounts.Key keyOf(Meter.Id id) {
    return new ResponseCounts.Key(id.getTag("service"), id.getTag("method"), id.getTag("host"),
        id.getTag("operation"), id.getTag("endpoint"), Integer.parseInt(id.getTag("status")));
  }

  private String capped(TagValueLimit limit, String value) {
    if (limit.admit(value)) {
      return value;
    }
    overflows.get(limit.tagKey()).increment();
    return OVERFLOW_VALUE;
  }

  private static String method(String method) {
    return KNOWN_METHODS.contains(method) ? method : OVERFLOW_VALUE;
  }
}

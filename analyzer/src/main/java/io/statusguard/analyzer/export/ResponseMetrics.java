package io.statusguard.analyzer.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.statusguard.analyzer.domain.agent.AgentDirectory;
import io.statusguard.analyzer.domain.status.StatusClass;
import io.statusguard.analyzer.domain.window.ResponseWindows;
import io.statusguard.analyzer.ingest.DecodeFailure;
import io.statusguard.analyzer.ingest.IngestStatus;
import io.statusguard.event.ResponseEvent;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The analyzer's Prometheus metrics: responses by series and class, their durations, and the health of
 * the event stream, the windows and the consumer. Every tag that comes from events has a cap on its
 * distinct values, and the response series as a whole have a cap too; past a cap, values are counted
 * under {@value #OVERFLOW_VALUE}, so totals stay right while the series stay bounded. Thread-safe: one
 * thread records while others scrape or take snapshots.
 */
public final class ResponseMetrics {
  public static final int DEFAULT_MAX_ENDPOINTS = 1000;
  public static final int DEFAULT_MAX_SERIES = 10_000;
  /** The tag value that stands for every value past a cap, and for unknown HTTP methods. */
  public static final String OVERFLOW_VALUE = "_OTHER";

  static final String RESPONSES = "statusguard.responses";
  static final String DURATION = "statusguard.response.duration";
  static final String DECODE_FAILURES = "statusguard.decode.failures";
  static final String EVENTS_CONSUMED = "statusguard.events.consumed";
  static final String EVENTS_REPLAYED = "statusguard.events.replayed";
  static final String EVENTS_SKIPPED = "statusguard.events.skipped";
  static final String SERIES_OVERFLOW = "statusguard.series.overflow";
  static final String CONSUMER_LAG = "statusguard.consumer.lag";
  static final String DEAD_LETTERS = "statusguard.dead.letters";
  static final String WINDOW_KEYS = "statusguard.window.keys";
  static final String WINDOW_KEYS_EVICTED = "statusguard.window.keys.evicted";
  static final String WINDOW_LATE_EVENTS = "statusguard.window.late.events";
  static final String WINDOW_CLAMPED_EVENTS = "statusguard.window.clamped.events";
  static final String AGENTS_EVICTED = "statusguard.agents.evicted";

  /** Services, egress groups, hosts and operations are few; the cap only guards against a broken agent. */
  static final int MAX_VALUES_PER_TAG = 1000;
  static final int MAX_EVENT_TYPES = 32;
  static final String UNKNOWN_OPERATION = "unknown";
  /** The value of the overflow counter's {@code tag} label for the cap on series as a whole. */
  static final String SERIES_TAG = "series";

  private static final Duration[] DURATION_BUCKETS = {
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
  private static final int RECENT_SERIES = 4096;
  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  private final PrometheusMeterRegistry registry;
  private final BatchClock clock;
  private final int maxSeries;
  private final TagValueLimit services = new TagValueLimit("service", MAX_VALUES_PER_TAG);
  private final TagValueLimit egressGroups = new TagValueLimit("egress_group", MAX_VALUES_PER_TAG);
  private final TagValueLimit hosts = new TagValueLimit("host", MAX_VALUES_PER_TAG);
  private final TagValueLimit operations = new TagValueLimit("operation", MAX_VALUES_PER_TAG);
  private final TagValueLimit endpoints;
  private final TagValueLimit eventTypes = new TagValueLimit("event_type", MAX_EVENT_TYPES);
  private final Map<String, Counter> overflows = new HashMap<>();
  private final Map<DecodeFailure, Counter> decodeFailures = new EnumMap<>(DecodeFailure.class);
  // By capped event type: at most MAX_EVENT_TYPES of them, plus the overflow value.
  private final Map<String, Counter> skipped = new ConcurrentHashMap<>();
  // Written by the recording thread only, so a lazy set of a plain increment is exact and costs no atomic
  // instruction per record; scrapes read them through function counters.
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  // Meters by their label values: registering through Micrometer on every event would cost far more
  // than the counting. Admitted series stay within maxSeries; overflow series within statuses x classes.
  private final Map<SeriesLabels, SeriesMeters> series = new ConcurrentHashMap<>();
  private final Map<SeriesLabels, SeriesMeters> overflowSeries = new ConcurrentHashMap<>();
  // Admitted series by their label values, so that counting an event allocates nothing. Slots are
  // replaced racily, which is safe: an entry is immutable and checked against the event before use.
  private final AdmittedSeries[] recentSeries = new AdmittedSeries[RECENT_SERIES];

  private ResponseMetrics(BatchClock clock, int maxEndpoints, int maxSeries) {
    if (maxSeries < 1) {
      throw new IllegalArgumentException("max series must be at least 1, got " + maxSeries);
    }
    this.clock = clock;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
    this.maxSeries = maxSeries;
    this.endpoints = new TagValueLimit("endpoint", maxEndpoints);
    // Registered up front so that dashboards and alerts see zeros rather than absent series.
    for (TagValueLimit limit : new TagValueLimit[] {services, egressGroups, hosts, operations, endpoints, eventTypes}) {
      registerOverflow(limit.tagKey());
    }
    registerOverflow(SERIES_TAG);
    for (DecodeFailure reason : DecodeFailure.values()) {
      decodeFailures.put(reason, Counter.builder(DECODE_FAILURES)
          .description("Records that could not be read as response events, by reason")
          .tag("reason", reason.wireName())
          .register(registry));
    }
    FunctionCounter.builder(EVENTS_CONSUMED, consumed, AtomicLong::get)
        .description("Records read from the event topic for the first time, whatever became of them")
        .register(registry);
    FunctionCounter.builder(EVENTS_REPLAYED, replayed, AtomicLong::get)
        .description("Records read again after a partition assignment to rebuild the windows; counted nowhere else")
        .register(registry);
  }

  /** Creates metrics on a new Prometheus registry, with at most {@code maxEndpoints} endpoint tag values. */
  public static ResponseMetrics create(int maxEndpoints) {
    return create(maxEndpoints, DEFAULT_MAX_SERIES);
  }

  /** As {@link #create(int)}, with at most {@code maxSeries} response series before they overflow. */
  public static ResponseMetrics create(int maxEndpoints, int maxSeries) {
    return new ResponseMetrics(new BatchClock(), maxEndpoints, maxSeries);
  }

  /** The registry to scrape, or to add further meters to. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Counts a record read for the first time; called by the recording thread only. */
  public void recordConsumed() {
    consumed.lazySet(consumed.get() + 1);
  }

  /** Counts a record read again to rebuild windows; called by the recording thread only. */
  public void recordReplayed() {
    replayed.lazySet(replayed.get() + 1);
  }

  public void recordDecodeFailure(DecodeFailure reason) {
    decodeFailures.get(reason).increment();
  }

  public void recordSkipped(String eventType) {
    skipped.computeIfAbsent(capped(eventTypes, eventType), type -> Counter.builder(EVENTS_SKIPPED)
            .description("Records of an event type this analyzer does not read")
            .tag("event_type", type)
            .register(registry))
        .increment();
  }

  /** Counts the response by its sample weight under its class, and records its duration once. */
  public void recordResponse(ResponseEvent event, StatusClass statusClass) {
    recordResponse(event, statusClass, System.currentTimeMillis());
  }

  /**
   * As {@link #recordResponse(ResponseEvent, StatusClass)}, at the recording thread's clock, read by the
   * caller once for a batch of events.
   */
  public void recordResponse(ResponseEvent event, StatusClass statusClass, long nowMillis) {
    recordResponse(event, statusClass, null, nowMillis);
  }

  /**
   * As {@link #recordResponse(ResponseEvent, StatusClass, long)}, for a caller that remembers the meters of
   * events like this one and so spares the metrics their own lookup. Returns the meters to remember for
   * events with the same label values and class, or null while there are none to remember: the series
   * is admitted by this very event (its next event finds the meters), or a value went past its cap, and
   * such an event must be counted as an overflow each time.
   *
   * @param meters null, or what this method returned for an event with the same label values and class
   */
  public SeriesMeters recordResponse(ResponseEvent event, StatusClass statusClass, SeriesMeters meters,
      long nowMillis) {
    clock.advanceTo(nowMillis);
    if (meters != null) {
      count(event, meters);
      return meters;
    }
    // After the path above, which nearly every event takes: the JIT inlines in the order of the bytecode
    // until its budget is spent, and the lookups below are large.
    String operation = event.operation() == null ? UNKNOWN_OPERATION : event.operation();
    SeriesMeters admitted = recentMeters(event, operation, statusClass);
    count(event, admitted != null ? admitted : metersOf(event, operation, statusClass));
    return admitted;
  }

  private static void count(ResponseEvent event, SeriesMeters meters) {
    meters.responses.increment(event.sampleWeight());
    // A timer cannot weigh a sample, so the histogram describes the events as sent, one each.
    meters.duration.record(event.durationMicros(), TimeUnit.MICROSECONDS);
  }

  /**
   * The meters of a series admitted under the event's own values, or null. Such a series has every one of
   * its values admitted for good, so its meters are the answer without asking each tag's cap again, and
   * may be remembered by those values. A value that is literally the overflow value takes the long way,
   * which counts the overflows it may stand for.
   */
  private SeriesMeters recentMeters(ResponseEvent event, String operation, StatusClass statusClass) {
    int hash = SeriesLabels.hash(event.serviceName(), event.egressGroup(), event.host(), event.method(), operation,
        event.endpointTemplate(), event.status(), statusClass);
    int slot = hash & (RECENT_SERIES - 1);
    AdmittedSeries recent = recentSeries[slot];
    if (recent != null && recent.labels().matches(event.serviceName(), event.egressGroup(), event.host(),
        event.method(), operation, event.endpointTemplate(), event.status(), statusClass)) {
      return recent.meters();
    }
    SeriesLabels labels = new SeriesLabels(event.serviceName(), event.egressGroup(), event.host(), event.method(),
        operation, event.endpointTemplate(), event.status(), statusClass);
    SeriesMeters meters = labels.hasOverflowValue() ? null : series.get(labels);
    if (meters != null) {
      recentSeries[slot] = new AdmittedSeries(labels, meters);
    }
    return meters;
  }

  /** The meters of the event's series after the per-tag caps, counting every cap that replaced a value. */
  private SeriesMeters metersOf(ResponseEvent event, String operation, StatusClass statusClass) {
    SeriesLabels labels = new SeriesLabels(
        capped(services, event.serviceName()),
        capped(egressGroups, event.egressGroup()),
        capped(hosts, event.host()),
        method(event.method()),
        capped(operations, operation),
        capped(endpoints, event.endpointTemplate()),
        event.status(),
        statusClass);
    SeriesMeters meters = series.get(labels);
    return meters != null ? meters : admit(labels);
  }

  /** Exposes the windows' size, evictions and late or clamped events. */
  public void bindWindows(ResponseWindows windows) {
    Gauge.builder(WINDOW_KEYS, windows, ResponseWindows::seriesCount)
        .description("Series the event-time windows hold")
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(WINDOW_KEYS_EVICTED, windows, ResponseWindows::evictedSeries)
        .description("Series dropped from the windows because they held their maximum number of series")
        .register(registry);
    FunctionCounter.builder(WINDOW_LATE_EVENTS, windows, ResponseWindows::lateEvents)
        .description("Events older than the windows' retention, left out of the windows")
        .register(registry);
    FunctionCounter.builder(WINDOW_CLAMPED_EVENTS, windows, ResponseWindows::clampedEvents)
        .description("Events dated beyond the allowed clock skew, counted in the windows at the analyzer's time")
        .register(registry);
  }

  public void bindAgents(AgentDirectory agents) {
    FunctionCounter.builder(AGENTS_EVICTED, agents, AgentDirectory::evicted)
        .description("Agents forgotten because the directory held its maximum")
        .register(registry);
  }

  /** Exposes the consumer's lag and its dead-letter copies. */
  public void bindIngest(IngestStatus ingest) {
    Gauge.builder(CONSUMER_LAG, ingest, IngestStatus::lagRecords)
        .description("Records of this member's partitions not read yet, summed over its partitions")
        .baseUnit("records")
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(DEAD_LETTERS, ingest, IngestStatus::deadLettersWritten)
        .description("Rejected records copied to the dead-letter topic, by outcome")
        .tag("outcome", "written")
        .register(registry);
    FunctionCounter.builder(DEAD_LETTERS, ingest, IngestStatus::deadLettersFailed)
        .description("Rejected records copied to the dead-letter topic, by outcome")
        .tag("outcome", "failed")
        .register(registry);
  }

  /** Copies the response counters, summed over egress groups and classes. */
  public ResponseCounts snapshot() {
    Map<ResponseCounts.Key, Double> counts = new HashMap<>();
    for (Counter counter : registry.find(RESPONSES).counters()) {
      counts.merge(keyOf(counter.getId()), counter.count(), Double::sum);
    }
    return new ResponseCounts(counts);
  }

  private SeriesMeters admit(SeriesLabels labels) {
    // Rare once the series have settled, and under an attack of new label values only the overflow
    // series are touched, so one lock is enough.
    synchronized (series) {
      SeriesMeters meters = series.get(labels);
      if (meters != null) {
        return meters;
      }
      if (series.size() < maxSeries) {
        meters = register(labels);
        series.put(labels, meters);
        return meters;
      }
    }
    overflows.get(SERIES_TAG).increment();
    return overflowSeries.computeIfAbsent(labels.overflow(), this::register);
  }

  private SeriesMeters register(SeriesLabels labels) {
    Tags where = Tags.of("service", labels.service(), "egress_group", labels.egressGroup(), "host", labels.host(),
        "operation", labels.operation(), "endpoint", labels.endpoint());
    Counter responses = Counter.builder(RESPONSES)
        .description("HTTP responses from the provider, weighted by sampling; status 0 means no response arrived")
        .tags(where)
        .tag("method", labels.method())
        .tag("status", Integer.toString(labels.status()))
        .tag("class", labels.statusClass().wireName())
        .register(registry);
    Timer duration = Timer.builder(DURATION)
        .description("Time from request start to response or failure, one observation per event")
        .tags(where)
        .serviceLevelObjectives(DURATION_BUCKETS)
        .register(registry);
    return new SeriesMeters(responses, duration);
  }

  private void registerOverflow(String tagKey) {
    overflows.put(tagKey, Counter.builder(SERIES_OVERFLOW)
        .description("Events whose tag values were replaced by " + OVERFLOW_VALUE + " because a tag, or the "
            + "response series as a whole (tag=\"" + SERIES_TAG + "\"), reached its cap")
        .tag("tag", tagKey)
        .register(registry));
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

  /** The label values of one response series, after the per-tag caps. */
  private record SeriesLabels(String service, String egressGroup, String host, String method, String operation,
      String endpoint, int status, StatusClass statusClass) {

    boolean hasOverflowValue() {
      return OVERFLOW_VALUE.equals(service) || OVERFLOW_VALUE.equals(egressGroup) || OVERFLOW_VALUE.equals(host)
          || OVERFLOW_VALUE.equals(method) || OVERFLOW_VALUE.equals(operation) || OVERFLOW_VALUE.equals(endpoint);
    }

    static int hash(String service, String egressGroup, String host, String method, String operation,
        String endpoint, int status, StatusClass statusClass) {
      int hash = service.hashCode();
      hash = 31 * hash + egressGroup.hashCode();
      hash = 31 * hash + host.hashCode();
      hash = 31 * hash + method.hashCode();
      hash = 31 * hash + operation.hashCode();
      hash = 31 * hash + endpoint.hashCode();
      hash = 31 * hash + status;
      hash = 31 * hash + statusClass.ordinal();
      return hash ^ (hash >>> 16);
    }

    boolean matches(String service, String egressGroup, String host, String method, String operation,
        String endpoint, int status, StatusClass statusClass) {
      // Strings decoded from events are mostly shared instances: equals usually ends at its identity check.
      return this.status == status && this.statusClass == statusClass && this.service.equals(service)
          && this.egressGroup.equals(egressGroup) && this.host.equals(host) && this.method.equals(method)
          && this.operation.equals(operation) && this.endpoint.equals(endpoint);
    }

    /** The series this one is counted in once the cap on series is reached: only status and class remain. */
    SeriesLabels overflow() {
      return new SeriesLabels(OVERFLOW_VALUE, OVERFLOW_VALUE, OVERFLOW_VALUE, OVERFLOW_VALUE, OVERFLOW_VALUE,
          OVERFLOW_VALUE, status, statusClass);
    }
  }

  /** The meters of one response series: outside this class, a handle to remember and hand back. */
  public static final class SeriesMeters {
    private final Counter responses;
    private final Timer duration;

    private SeriesMeters(Counter responses, Timer duration) {
      this.responses = responses;
      this.duration = duration;
    }
  }

  /** A series admitted under its events' own label values, with its meters. */
  private record AdmittedSeries(SeriesLabels labels, SeriesMeters meters) {}
}

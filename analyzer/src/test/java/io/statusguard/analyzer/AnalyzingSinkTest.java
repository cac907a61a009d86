package io.statusguard.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.domain.FakeClock;
import io.statusguard.analyzer.domain.agent.AgentDirectory;
import io.statusguard.analyzer.domain.status.Classification;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.window.ResponseWindows;
import io.statusguard.analyzer.domain.window.WindowSettings;
import io.statusguard.analyzer.export.ResponseMetrics;
import io.statusguard.analyzer.ingest.Decoded;
import io.statusguard.analyzer.ingest.Delivery;
import io.statusguard.analyzer.profile.ProviderProfile;
import io.statusguard.event.ResponseEvent;
import io.statusguard.testing.ScrapedMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sink finds where each event counts once per shape of event: whatever it remembers, every event must
 * count exactly where classifying it and recording it in the windows and the metrics by its own fields
 * would count it.
 */
class AnalyzingSinkTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:05Z");
  private static final ErrorModel ERROR_MODEL = ProviderProfile.builtIn().errorModel();

  private final FakeClock clock = FakeClock.at(NOW);

  @Test
  void countsEveryEventWhereItsOwnFieldsPlaceIt() {
    Parts sunk = new Parts(clock);
    Parts byFields = new Parts(clock);
    AnalyzingSink sink = new AnalyzingSink(ERROR_MODEL, sunk.windows, sunk.agents, sunk.metrics);

    SplittableRandom random = new SplittableRandom(26);
    for (int i = 0; i < 40_000; i++) {
      ResponseEvent event = anyShape(random).timeUnixMs(NOW.toEpochMilli() - random.nextLong(120_000))
          .durationMicros(random.nextLong(3_000_000)).build();
      Delivery delivery = random.nextInt(10) == 0 ? Delivery.REPLAYED : Delivery.NEW;
      long now = clock.millis() + i / 500;
      sink.accept(new Decoded.Accepted(event), delivery, now);
      byFields.record(event, delivery, now);
    }

    assertThat(sunk.windows.snapshot()).isEqualTo(byFields.windows.snapshot());
    assertThat(sunk.agents.snapshot()).isEqualTo(byFields.agents.snapshot());
    ScrapedMetrics actual = ScrapedMetrics.parse(sunk.metrics.registry().scrape());
    ScrapedMetrics expected = ScrapedMetrics.parse(byFields.metrics.registry().scrape());
    for (String name : List.of("statusguard_responses_total", "statusguard_series_overflow_total",
        "statusguard_response_duration_seconds_bucket", "statusguard_response_duration_seconds_sum")) {
      assertThat(actual.samples(name)).as(name).containsExactlyInAnyOrderElementsOf(expected.samples(name));
    }
    // The mix reaches what the remembering must not blur: one status in several classes, and series past caps.
    assertThat(actual.has("statusguard_responses_total", "status", "403", "class", "ip_blocked")).isTrue();
    assertThat(actual.has("statusguard_responses_total", "status", "403", "class", "permission")).isTrue();
    assertThat(actual.has("statusguard_responses_total", "status", "403", "class", "auth_or_ip_block")).isTrue();
    assertThat(actual.sum("statusguard_series_overflow_total", "tag", "endpoint")).isGreaterThan(0.0);
  }

  @ParameterizedTest
  @EnumSource(ShapeField.class)
  void tellsApartShapesThatDifferInOneFieldWithTheSameHash(ShapeField field) {
    Parts sunk = new Parts(clock);
    Parts byFields = new Parts(clock);
    AnalyzingSink sink = new AnalyzingSink(ERROR_MODEL, sunk.windows, sunk.agents, sunk.metrics);
    // Each twin is classified apart from its event, or named apart in the metrics.
    String contentType = field == ShapeField.ERROR_MESSAGE ? "application/json" : "text/xml";
    ResponseEvent event = SampleEvents.retrieveTransaction(403).timeUnixMs(NOW.toEpochMilli())
        .contentType(contentType).errorMessage("No Permission").build();
    ResponseEvent twin = field.replace(event, collidingWith(field.of(event)));

    for (int i = 0; i < 20; i++) {
      for (ResponseEvent each : List.of(event, twin)) {
        sink.accept(new Decoded.Accepted(each), Delivery.NEW, clock.millis());
        byFields.record(each, Delivery.NEW, clock.millis());
      }
    }

    assertThat(sunk.windows.snapshot()).isEqualTo(byFields.windows.snapshot());
    ScrapedMetrics actual = ScrapedMetrics.parse(sunk.metrics.registry().scrape());
    ScrapedMetrics expected = ScrapedMetrics.parse(byFields.metrics.registry().scrape());
    assertThat(actual.samples("statusguard_responses_total"))
        .containsExactlyInAnyOrderElementsOf(expected.samples("statusguard_responses_total"))
        .hasSize(2);
  }

  /** The fields of an event that decide where it counts, each of which the sink must compare. */
  enum ShapeField {
    SERVICE(ResponseEvent::serviceName, (event, value) -> event.toBuilder().serviceName(value)),
    EGRESS_GROUP(ResponseEvent::egressGroup, (event, value) -> event.toBuilder().egressGroup(value)),
    HOST(ResponseEvent::host, (event, value) -> event.toBuilder().host(value)),
    METHOD(ResponseEvent::method, (event, value) -> event.toBuilder().method(value)),
    OPERATION(ResponseEvent::operation, (event, value) -> event.toBuilder().operation(value)),
    ENDPOINT(ResponseEvent::endpointTemplate, (event, value) -> event.toBuilder().endpointTemplate(value)),
    CONTENT_TYPE(ResponseEvent::contentType, (event, value) -> event.toBuilder().contentType(value)),
    ERROR_MESSAGE(ResponseEvent::errorMessage, (event, value) -> event.toBuilder().errorMessage(value));

    private final Function<ResponseEvent, String> getter;
    private final BiFunction<ResponseEvent, String, ResponseEvent.Builder> setter;

    ShapeField(Function<ResponseEvent, String> getter, BiFunction<ResponseEvent, String, ResponseEvent.Builder> setter) {
      this.getter = getter;
      this.setter = setter;
    }

    String of(ResponseEvent event) {
      return getter.apply(event);
    }

    ResponseEvent replace(ResponseEvent event, String value) {
      return setter.apply(event, value).build();
    }
  }

  /** Another printable string with the same hash code, by moving 31 between its last two chars. */
  private static String collidingWith(String value) {
    int last = value.length() - 1;
    int step = value.charAt(last) - 31 > ' ' ? 1 : -1;
    String twin = value.substring(0, last - 1) + (char) (value.charAt(last - 1) + step)
        + (char) (value.charAt(last) - 31 * step);
    assertThat(twin).isNotEqualTo(value).hasSameHashCodeAs(value);
    return twin;
  }

  /**
   * Shapes that differ in every field the sink reads, including fields only classification reads, and more
   * of them than the sink remembers.
   */
  private static ResponseEvent.Builder anyShape(SplittableRandom random) {
    ResponseEvent.Builder event = switch (random.nextInt(3)) {
      case 0 -> SampleEvents.retrieveTransaction(pickStatus(random, 200, 404, 403, 401, 207, 599));
      case 1 -> SampleEvents.createTransaction(pickStatus(random, 201, 409, 422, 403, 429));
      default -> SampleEvents.createAccount(pickStatus(random, 201, 409, 403, 500)).operation(
          random.nextBoolean() ? null : "CreateAccount");
    };
    event.serviceName("service-" + random.nextInt(3))
        .instanceId("pod-" + random.nextInt(4))
        .egressGroup("203.0.113." + random.nextInt(3))
        .host(random.nextInt(5) == 0 ? "sandbox.provider.test" : SampleEvents.HOST)
        .contentType(pick(random, "application/json", "text/xml", null))
        .errorMessage(pick(random, null, "No Permission", "Transaction Limit exceeded", "Source Disabled"));
    if (random.nextInt(8) == 0) {
      event.endpointTemplate("/leaked/" + random.nextInt(6_000));
    }
    return event;
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom random, T... values) {
    return values[random.nextInt(values.length)];
  }

  private static int pickStatus(SplittableRandom random, int... values) {
    return values[random.nextInt(values.length)];
  }

  /** The sink's parts, with the defaults the analyzer runs with, recorded into by each event's fields. */
  private static final class Parts {
    final ResponseWindows windows;
    final AgentDirectory agents;
    final ResponseMetrics metrics;

    Parts(FakeClock clock) {
      windows = ResponseWindows.create(WindowSettings.defaults(), clock);
      agents = AgentDirectory.create(AgentDirectory.DEFAULT_MAX_AGENTS, clock);
      metrics = ResponseMetrics.create(ResponseMetrics.DEFAULT_MAX_ENDPOINTS, ResponseMetrics.DEFAULT_MAX_SERIES);
    }

    void record(ResponseEvent event, Delivery delivery, long now) {
      Classification classification = ERROR_MODEL.classify(event.status(), event.contentType(), event.errorMessage());
      windows.record(event, classification, now);
      agents.record(event, now);
      if (delivery == Delivery.NEW) {
        metrics.recordResponse(event, classification.statusClass(), now);
      }
    }
  }
}

package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.config.InvalidConfigException;
import io.statusguard.agent.kafka.KafkaEventSender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher against Kafka's own {@link MockProducer}: failures must be injected at exact
 * moments, which a real broker cannot do. The agent's integration tests use a real broker.
 */
class EventPublisherMockProducerTest {
  private static final String CLIENT = "A0oH0E4EiWloxnwr75liQg";

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final AgentCounters counters = new AgentCounters();
  private final ObservationQueue queue = new ObservationQueue(64, counters);
  private EventPublisher publisher;

  @AfterEach
  void stopPublisher() {
    if (publisher != null) {
      publisher.stop(1_000);
    }
  }

  private static AgentConfig config() throws InvalidConfigException {
    return AgentConfig.parse("bootstrap.servers=k1:9092,topic=events.test,service.name=payments,"
        + "egress.group=nat-a,service.instance.id=i-1", Map.of(), Map.of());
  }

  private EventPublisher start(MockProducer<byte[], byte[]> producer)
      throws InvalidConfigException {
    return start(producer, Heartbeats.none(counters));
  }

  private EventPublisher start(MockProducer<byte[], byte[]> producer, Heartbeats heartbeats)
      throws InvalidConfigException {
    publisher = new EventPublisher(config(), queue, counters, heartbeats,
        () -> KafkaEventSender.of(producer), EventPublisher.Listener.NONE, err);
    publisher.start();
    return publisher;
  }

  private static String value(ProducerRecord<byte[], byte[]> record) {
    return new String(record.value(), StandardCharsets.UTF_8);
  }

  private static List<String> heartbeats(MockProducer<byte[], byte[]> producer) {
    return producer.history().stream().map(EventPublisherMockProducerTest::value)
        .filter(value -> value.contains("\"event.type\":\"agent.heartbeat\"")).toList();
  }

  private static MockProducer<byte[], byte[]> mockProducer(boolean autoComplete) {
    return new MockProducer<>(autoComplete, null, new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private List<String> lines() {
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition not met within 20 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void publishesEncodedEventsKeyedByEgressGroup_mockProducer() throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(true);
    start(producer);

    queue.accept(Observations.httpClient("POST",
        "https://pay.example/v1/clients/" + CLIENT + "/transactions?authorize", 409));
    queue.accept(Observations.httpClient("GET", "https://pay.example/health", 200));
    await(() -> counters.sent() == 2);

    List<ProducerRecord<byte[], byte[]>> records = producer.history();
    assertThat(records).extracting(ProducerRecord::topic).containsOnly("events.test");
    assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsOnly("nat-a");
    String first = new String(records.get(0).value(), StandardCharsets.UTF_8);
    assertThat(first).contains("\"operation.name\":\"CreateTransaction\"",
        "\"url.template\":\"/v1/clients/{ClientID}/transactions\"",
        "\"http.response.status_code\":409", "\"service.name\":\"payments\"",
        "\"service.instance.id\":\"i-1\"", "\"url.query.names\":[\"authorize\"]");
    // The route marks the ClientID: it leaves in provider.client_id and nowhere else.
    assertThat(first.replace("\"provider.client_id\":\"" + CLIENT + "\"", ""))
        .doesNotContain(CLIENT);

    assertThat(publisher.stop(2_000)).isTrue();
    assertThat(counters.stoppedLine()).isEqualTo("[statusguard] agent stopped: seen=2 sent=2"
        + " dropped=0 (queue_full=0 send_failed=0 encode_failed=0)");
    assertThat(lines()).isEmpty();
  }

  @Test
  void sendsEveryQueuedEventInTheOrderItWasSeen_mockProducer() throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(true);
    start(producer);

    // A whole queue at once, then a second one: batches of what queued while the publisher lingered.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 64; i++) {
        queue.accept(Observations.httpClient("GET", "https://pay.example/orders",
            200 + round * 64 + i));
      }
      long expected = (round + 1) * 64L;
      await(() -> counters.sent() + counters.droppedTotal() == expected);
    }

    assertThat(counters.droppedTotal()).isZero();
    assertThat(producer.history()).extracting(EventPublisherMockProducerTest::value)
        .extracting(value -> value.replaceAll(".*\"http.response.status_code\":(\\d+).*", "$1"))
        .isEqualTo(IntStream.range(200, 328).mapToObj(String::valueOf).toList());
  }

  @Test
  void samplesSuccessesAboveTheLimitButSendsEveryError_mockProducer()
      throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(true);
    publisher = new EventPublisher(AgentConfig.parse("bootstrap.servers=k1:9092,"
        + "sampling.successes.per.second=5", Map.of(), Map.of()), queue, counters,
        Heartbeats.none(counters), () -> KafkaEventSender.of(producer),
        EventPublisher.Listener.NONE, err);
    publisher.start();
    int successes = 0;
    // Real time: successes flow until a second after the first one, when sampling sets in.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (counters.sampledOut() == 0 && System.nanoTime() - deadline < 0) {
      if (queue.size() < 32) {
        queue.accept(Observations.httpClient("GET", "https://pay.example/health", 200));
        successes++;
      }
      LockSupport.parkNanos(200_000);
    }
    for (int status : new int[] {404, 409, 207, 500}) {
      queue.accept(Observations.httpClient("GET", "https://pay.example/health", status));
    }
    await(() -> counters.sent() + counters.sampledOut() == counters.seen());

    assertThat(counters.sampledOut()).isPositive();
    List<String> events = producer.history().stream().map(EventPublisherMockProducerTest::value)
        .toList();
    assertThat(events).filteredOn(e -> !e.contains("\"http.response.status_code\":200"))
        .hasSize(4)
        .allSatisfy(e -> assertThat(e).containsPattern("\"sample\\.weight\":1[,}]"));
    assertThat(events).filteredOn(e -> e.contains("\"http.response.status_code\":200"))
        .hasSize((int) (successes - counters.sampledOut()));
    assertThat(publisher.stop(2_000)).isTrue();
    assertThat(counters.stoppedLine()).endsWith(" sampled_out=" + counters.sampledOut());
  }

  @Test
  void probesWithOneEventAtATimeWhileKafkaFails_mockProducer() throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(false);
    start(producer);

    queue.accept(Observations.httpClient("GET", "https://pay.example/a", 200));
    await(() -> producer.history().size() == 1);
    producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
    await(() -> !lines().isEmpty());

    for (int i = 0; i < 5; i++) {
      queue.accept(Observations.httpClient("GET", "https://pay.example/b", 200));
    }
    await(() -> counters.dropped(DropReason.SEND_FAILED) == 5);
    assertThat(producer.history()).hasSize(2);

    producer.completeNext();
    await(() -> lines().size() == 2);

    assertThat(lines()).containsExactly(
        "[statusguard] WARN cannot deliver events to Kafka at k1:9092: TimeoutException: Expiring 1"
            + " record(s); dropping and counting events until it is reachable",
        "[statusguard] events reach Kafka at k1:9092 again; 5 events were dropped while it was"
            + " not");
    assertThat(counters.sent()).isEqualTo(1);
    assertThat(counters.sendFailures()).isEqualTo(1);
  }

  @Test
  void dropsAndRetriesLaterWhenTheBootstrapServersDoNotResolveYet() throws InvalidConfigException {
    publisher = new EventPublisher(config(), queue, counters, Heartbeats.none(counters), () -> {
      throw new KafkaException("Failed to construct kafka producer",
          new ConfigException("No resolvable bootstrap urls given in bootstrap.servers"));
    }, EventPublisher.Listener.NONE, err);
    publisher.start();

    queue.accept(Observations.httpClient("GET", "https://pay.example/a", 200));
    queue.accept(Observations.httpClient("GET", "https://pay.example/b", 200));
    await(() -> counters.dropped(DropReason.SEND_FAILED) == 2);

    assertThat(publisher.stop(1_000)).isTrue();
    assertThat(lines()).containsExactly("[statusguard] WARN cannot deliver events to Kafka at"
        + " k1:9092: KafkaException: Failed to construct kafka producer; dropping and counting"
        + " events until it is reachable");
    assertThat(counters.sendFailures()).isZero();
  }

  @Test
  void dropsAndRetriesLaterWhenKafkasClientCannotBeUnpacked() throws InvalidConfigException {
    AtomicInteger attempts = new AtomicInteger();
    publisher = new EventPublisher(config(), queue, counters, Heartbeats.none(counters), () -> {
      attempts.incrementAndGet();
      throw new UncheckedIOException("cannot unpack the agent's Kafka client",
          new IOException("No space left on device"));
    }, EventPublisher.Listener.NONE, err);
    publisher.start();

    queue.accept(Observations.httpClient("GET", "https://pay.example/a", 200));
    queue.accept(Observations.httpClient("GET", "https://pay.example/b", 200));
    await(() -> counters.dropped(DropReason.SEND_FAILED) == 2);

    assertThat(publisher.stop(1_000)).isTrue();
    assertThat(attempts).hasValue(1);
    assertThat(lines()).containsExactly("[statusguard] WARN cannot deliver events to Kafka at"
        + " k1:9092: UncheckedIOException: cannot unpack the agent's Kafka client; dropping and"
        + " counting events until it is reachable");
  }

  @Test
  void stopsForGoodWhenKafkaRejectsASetting_mockProducer() throws InvalidConfigException {
    List<String> rejections = new CopyOnWriteArrayList<>();
    AtomicInteger attempts = new AtomicInteger();
    AgentConfig config = AgentConfig.parse("bootstrap.servers=k1:9092,kafka.sasl.jaas.config="
        + "x required password=\"hunter2-pw\";", Map.of(), Map.of());
    publisher = new EventPublisher(config, queue, counters, Heartbeats.none(counters), () -> {
      attempts.incrementAndGet();
      throw new KafkaException("Failed to construct kafka producer",
          new IllegalArgumentException("Login module not specified in JAAS config hunter2-pw"));
    }, new EventPublisher.Listener() {
      @Override
      public void rejected(String reason) {
        rejections.add(reason);
      }
    }, err);
    publisher.start();

    queue.accept(Observations.httpClient("GET", "https://pay.example/a", 200));
    await(() -> !rejections.isEmpty());
    queue.accept(Observations.httpClient("GET", "https://pay.example/b", 200));

    assertThat(publisher.stop(500)).isFalse();
    assertThat(rejections).containsExactly("Kafka rejected the producer settings:"
        + " IllegalArgumentException: Login module not specified in JAAS config [hidden]");
    assertThat(attempts).hasValue(1);
    assertThat(lines()).isEmpty();
  }

  @Test
  void sendsHeartbeatsEveryIntervalWithTheCountersAndTheEgressKey_mockProducer()
      throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(true);
    List<String> activations = new CopyOnWriteArrayList<>();
    publisher = new EventPublisher(config(), queue, counters, Heartbeats.every(100, counters),
        () -> KafkaEventSender.of(producer), new EventPublisher.Listener() {
          @Override
          public void active() {
            activations.add("active");
          }
        }, err);
    publisher.start();
    queue.accept(Observations.httpClient("GET", "https://pay.example/a", 404));

    await(() -> heartbeats(producer).size() >= 3);

    assertThat(activations).containsExactly("active");
    assertThat(producer.history()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsOnly("nat-a");
    assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("events.test");
    String last = heartbeats(producer).get(heartbeats(producer).size() - 1);
    assertThat(last).contains("\"service.name\":\"payments\"", "\"service.instance.id\":\"i-1\"",
        "\"egress.group\":\"nat-a\"", "\"agent.responses.seen\":1", "\"agent.events.sent\":1",
        "\"agent.heartbeat.interval_ms\":100", "\"agent.stopping\":false");
    assertThat(counters.heartbeatsSent()).isGreaterThanOrEqualTo(3);
    assertThat(counters.stoppedLine()).contains("seen=1 sent=1 dropped=0");
  }

  @Test
  void sendsALastHeartbeatAtStopAfterTheQueuedEvents_mockProducer()
      throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(true);
    start(producer, Heartbeats.every(3_600_000, counters));
    queue.accept(Observations.httpClient("GET", "https://pay.example/a", 200));
    await(() -> counters.sent() == 1);
    queue.accept(Observations.httpClient("GET", "https://pay.example/b", 409));

    assertThat(publisher.stop(2_000)).isTrue();

    List<String> values = producer.history().stream().map(EventPublisherMockProducerTest::value)
        .toList();
    assertThat(values).hasSize(3);
    assertThat(values.get(2)).contains("\"event.type\":\"agent.heartbeat\"",
        "\"agent.stopping\":true", "\"agent.responses.seen\":2");
    assertThat(counters.stoppedLine()).contains("seen=2 sent=2 dropped=0");
  }

  @Test
  void sendsNoHeartbeatsWhenTheyAreOff_mockProducer() throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(true);
    start(producer);
    queue.accept(Observations.httpClient("GET", "https://pay.example/a", 200));
    await(() -> counters.sent() == 1);

    assertThat(publisher.stop(1_000)).isTrue();

    assertThat(heartbeats(producer)).isEmpty();
  }

  @Test
  void aHeartbeatThatFailsWarnsButCountsNoEventAsDropped_mockProducer()
      throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(false);
    start(producer, Heartbeats.every(100, counters));
    await(() -> producer.history().size() == 1);

    producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
    await(() -> !lines().isEmpty());

    assertThat(lines()).singleElement().asString().startsWith(
        "[statusguard] WARN cannot deliver events to Kafka at k1:9092: TimeoutException");
    assertThat(counters.droppedTotal()).isZero();
    assertThat(counters.sendFailures()).isZero();
    assertThat(counters.heartbeatsSent()).isZero();
  }

  @Test
  void countsAnUnusableObservationAsEncodeFailed_mockProducer() throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(true);
    start(producer);

    queue.accept(io.statusguard.agent.bootstrap.ResponseObservation.ofHttpClient("GET",
        java.net.URI.create("mailto:someone"), 200, null, 0, 1, null));
    await(() -> counters.dropped(DropReason.ENCODE_FAILED) == 1);

    assertThat(producer.history()).isEmpty();
  }

  @Test
  void warnsAtStopWhenEventsAreStillUndelivered_mockProducer() throws InvalidConfigException {
    MockProducer<byte[], byte[]> producer = mockProducer(false);
    start(producer);
    queue.accept(Observations.httpClient("GET", "https://pay.example/a", 200));
    await(() -> producer.history().size() == 1);

    assertThat(publisher.stop(200)).isFalse();

    assertThat(lines()).singleElement().asString()
        .startsWith("[statusguard] WARN cannot deliver events to Kafka at k1:9092: 1 events not"
            + " delivered within flush.timeout.ms=200;");
    assertThat(counters.stoppedLine()).endsWith("dropped=1 (queue_full=0 send_failed=1"
        + " encode_failed=0)");
  }

  @Test
  void anInvalidProfileDisablesThePublisherAtItsFirstEvent(@TempDir Path folder) throws Exception {
    Path profile = Files.writeString(folder.resolve("p.yaml"), "hosts: [\"*\"]\nroutes: [1]\n");
    List<String> rejections = new CopyOnWriteArrayList<>();
    AgentConfig config = AgentConfig.parse("bootstrap.servers=k1:9092,profile=" + profile,
        Map.of(), Map.of());
    publisher = new EventPublisher(config, queue, counters, Heartbeats.none(counters),
        () -> KafkaEventSender.of(mockProducer(true)), new EventPublisher.Listener() {
          @Override
          public void rejected(String reason) {
            rejections.add(reason);
          }
        }, err);
    publisher.start();

    queue.accept(Observations.httpClient("GET", "https://pay.example/health", 200));
    await(() -> !rejections.isEmpty());

    assertThat(rejections).containsExactly("profile " + profile
        + " line 2, column 10: route 1 must be a mapping with the keys client, flags, method,"
        + " operation, path, resource");
    await(() -> counters.droppedTotal() == 1);
    assertThat(counters.sent()).isZero();
  }

  @Test
  void everyHostIsProfiledUntilTheProfileIsReadAtTheFirstEvent(@TempDir Path folder)
      throws Exception {
    Path profile = Files.writeString(folder.resolve("p.yaml"),
        "hosts: [\"api.example\"]\nroutes:\n  - {operation: Ping, method: GET, path: /ping}\n");
    MockProducer<byte[], byte[]> producer = mockProducer(true);
    publisher = new EventPublisher(AgentConfig.parse("bootstrap.servers=k1:9092,profile=" + profile,
        Map.of(), Map.of()), queue, counters, Heartbeats.none(counters),
        () -> KafkaEventSender.of(producer), EventPublisher.Listener.NONE, err);

    assertThat(publisher.isProfiledHost("other.example")).isTrue();
    publisher.start();
    queue.accept(Observations.httpClient("GET", "https://api.example/ping", 200));
    await(() -> counters.sent() == 1);

    assertThat(publisher.isProfiledHost("api.example")).isTrue();
    assertThat(publisher.isProfiledHost("other.example")).isFalse();
    assertThat(value(producer.history().get(0))).contains("\"operation.name\":\"Ping\"");
  }
}

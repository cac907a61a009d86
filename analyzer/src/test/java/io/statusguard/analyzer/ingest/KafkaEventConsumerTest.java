package io.statusguard.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.Polling;
import io.statusguard.analyzer.SampleEvents;
import io.statusguard.analyzer.TopicWriter;
import io.statusguard.event.ResponseEvent;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.WithKafkaBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

@WithKafkaBroker
class KafkaEventConsumerTest {

  @Test
  void keepsRunningWithoutABrokerUntilClosed() throws Exception {
    RecordingSink sink = new RecordingSink();
    KafkaEventConsumer consumer = KafkaEventConsumer.start(
        ConsumerSettings.of("127.0.0.1:" + closedPort(), "events", "no-broker"), ResponseEventDecoder.create(), sink);
    try {
      // A few poll cycles against a port nobody listens on.
      for (int i = 0; i < 20; i++) {
        assertThat(consumer.isRunning()).isTrue();
        Thread.sleep(100);
      }
    } finally {
      consumer.close();
    }

    assertThat(consumer.isRunning()).isFalse();
    assertThat(sink.received()).isEmpty();
  }

  @Test
  void handsEveryRecordToTheSinkOnItsNamedThread(TestKafka kafka) throws Exception {
    String topic = "consumer-records";
    kafka.createTopic(topic, 2);
    ResponseEvent event = SampleEvents.createAccount(409).build();
    try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
      writer.write(event, 3);
      writer.write("bad", "{}");
    }
    RecordingSink sink = new RecordingSink();

    try (KafkaEventConsumer consumer = KafkaEventConsumer.start(
        ConsumerSettings.of(kafka.bootstrapServers(), topic, "records"), ResponseEventDecoder.create(), sink)) {
      Polling.awaitTrue("four records", () -> sink.received().size() >= 4);
      assertThat(consumer.isRunning()).isTrue();
    }

    assertThat(sink.received()).containsOnly(
        new Decoded.Accepted(event),
        new Decoded.Rejected(DecodeFailure.MISSING_SCHEMA_VERSION, "schema_version is missing"));
    assertThat(sink.threadNames()).containsOnly(KafkaEventConsumer.THREAD_NAME);
  }

  @Test
  void resumesAfterTheBrokerComesBack(TestKafka kafka) throws Exception {
    String topic = "consumer-outage";
    kafka.createTopic(topic, 1);
    ResponseEvent before = SampleEvents.retrieveTransaction(404).build();
    ResponseEvent after = SampleEvents.retrieveTransaction(200).build();
    RecordingSink sink = new RecordingSink();

    try (KafkaEventConsumer consumer = KafkaEventConsumer.start(
        ConsumerSettings.of(kafka.bootstrapServers(), topic, "outage"), ResponseEventDecoder.create(), sink)) {
      try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
        writer.write(before, 1);
      }
      Polling.awaitTrue("the event before the outage", () -> sink.received().contains(new Decoded.Accepted(before)));

      kafka.stop();
      for (int i = 0; i < 20; i++) {
        assertThat(consumer.isRunning()).isTrue();
        Thread.sleep(100);
      }
      kafka.restart();

      try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
        writer.write(after, 1);
      }
      Polling.awaitTrue("the event after the outage", () -> sink.received().contains(new Decoded.Accepted(after)));
      assertThat(consumer.isRunning()).isTrue();
    }
  }

  @Test
  void readsBackTheRebuildWindowAsReplayedAndCountsOnlyWhatIsNew(TestKafka kafka) throws Exception {
    String topic = "consumer-replay";
    kafka.createTopic(topic, 2);
    ResponseEvent before = SampleEvents.retrieveTransaction(404).build();
    ResponseEvent after = SampleEvents.retrieveTransaction(409).build();
    ConsumerSettings settings = ConsumerSettings.of(kafka.bootstrapServers(), topic, "replay");
    try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
      writer.write(before, 3);
      RecordingSink first = new RecordingSink();
      try (KafkaEventConsumer consumer = KafkaEventConsumer.start(settings, ResponseEventDecoder.create(), first)) {
        Polling.awaitTrue("three records", () -> first.received().size() >= 3);
        assertThat(consumer.isRunning()).isTrue();
      }
      writer.write(after, 2);
    }
    RecordingSink second = new RecordingSink();

    try (KafkaEventConsumer consumer = KafkaEventConsumer.start(settings, ResponseEventDecoder.create(), second)) {
      Polling.awaitTrue("five records", () -> second.received().size() >= 5);
      Polling.awaitTrue("the consumer to be ready", consumer::isReady);
    }

    assertThat(second.received()).containsExactly(new Decoded.Accepted(before), new Decoded.Accepted(before),
        new Decoded.Accepted(before), new Decoded.Accepted(after), new Decoded.Accepted(after));
    assertThat(second.deliveries()).containsExactly(Delivery.REPLAYED, Delivery.REPLAYED, Delivery.REPLAYED,
        Delivery.NEW, Delivery.NEW);
  }

  /** A member that dies without closing must not leave everything it handled to be counted again. */
  @Test
  void commitsWhatItHandledWhileItRuns(TestKafka kafka) throws Exception {
    String topic = "consumer-commits";
    kafka.createTopic(topic, 1);
    ConsumerSettings settings = ConsumerSettings.of(kafka.bootstrapServers(), topic, "commits");
    RecordingSink sink = new RecordingSink();

    try (KafkaEventConsumer consumer = KafkaEventConsumer.start(settings, ResponseEventDecoder.create(), sink);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
        writer.write(SampleEvents.retrieveTransaction(404).build(), 7);
      }
      Polling.awaitTrue("seven records", () -> sink.received().size() >= 7);

      Polling.awaitTrue("the group's offset at the end, with the member still running", () -> {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets("commits").partitionsToOffsetAndMetadata()
            .get().get(new TopicPartition(topic, 0));
        return committed != null && committed.offset() == 7 && consumer.isRunning();
      });
    }
  }

  @Test
  void leavesRecordsOlderThanTheRebuildWindowAlone(TestKafka kafka) throws Exception {
    String topic = "consumer-old";
    kafka.createTopic(topic, 1);
    ResponseEvent old = SampleEvents.retrieveTransaction(404).build();
    ResponseEvent recent = SampleEvents.retrieveTransaction(200).build();
    try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
      writer.writeAt(System.currentTimeMillis() - Duration.ofHours(2).toMillis(), old);
      writer.write(recent, 1);
    }
    RecordingSink sink = new RecordingSink();

    try (KafkaEventConsumer consumer = KafkaEventConsumer.start(ConsumerSettings.of(kafka.bootstrapServers(), topic,
        "old"), ResponseEventDecoder.create(), sink)) {
      Polling.awaitTrue("the recent record", () -> !sink.received().isEmpty());
      Polling.awaitTrue("the consumer to be ready", consumer::isReady);
    }

    assertThat(sink.received()).containsExactly(new Decoded.Accepted(recent));
    assertThat(sink.deliveries()).containsExactly(Delivery.NEW);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Keeps what the consumer hands over, and on which thread. */
  private static final class RecordingSink implements IngestSink {
    private final List<Decoded> received = new ArrayList<>();
    private final List<String> threadNames = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();

    @Override
    public synchronized void accept(Decoded decoded, Delivery delivery, long nowMillis) {
      received.add(decoded);
      deliveries.add(delivery);
      threadNames.add(Thread.currentThread().getName());
    }

    synchronized List<Decoded> received() {
      return List.copyOf(received);
    }

    synchronized List<Delivery> deliveries() {
      return List.copyOf(deliveries);
    }

    synchronized List<String> threadNames() {
      return List.copyOf(threadNames);
    }
  }
}

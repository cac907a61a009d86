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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithKafkaBroker
class KafkaEventConsumerTest {

  @Test
  void keepsRunningWithoutABrokerUntilClosed() throws Exception {
    RecordingSink sink = new RecordingSink();
    KafkaEventConsumer consumer = KafkaEventConsumer.start(
        new ConsumerSettings("127.0.0.1:" + closedPort(), "events", "no-broker"), ResponseEventDecoder.create(), sink);
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
        new ConsumerSettings(kafka.bootstrapServers(), topic, "records"), ResponseEventDecoder.create(), sink)) {
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
        new ConsumerSettings(kafka.bootstrapServers(), topic, "outage"), ResponseEventDecoder.create(), sink)) {
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

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Keeps what the consumer hands over, and on which thread. */
  private static final class RecordingSink implements IngestSink {
    private final List<Decoded> received = new ArrayList<>();
    private final List<String> threadNames = new ArrayList<>();

    @Override
    public synchronized void accept(Decoded decoded) {
      received.add(decoded);
      threadNames.add(Thread.currentThread().getName());
    }

    synchronized List<Decoded> received() {
      return List.copyOf(received);
    }

    synchronized List<String> threadNames() {
      return List.copyOf(threadNames);
    }
  }
}

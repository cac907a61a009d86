package io.statusguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@WithKafkaBroker(backend = Backend.EMBEDDED)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KafkaBrokerExtensionTest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private static TestKafka fromBeforeAll;

  private final TestKafka fromConstructor;
  private TestKafka fromBeforeEach;

  KafkaBrokerExtensionTest(TestKafka kafka) {
    this.fromConstructor = kafka;
  }

  @BeforeAll
  static void createTopics(TestKafka kafka) {
    fromBeforeAll = kafka;
    kafka.createTopic("extension.greetings", 2);
  }

  @BeforeEach
  void remember(TestKafka kafka) {
    fromBeforeEach = kafka;
  }

  @Test
  void injectsOneBrokerIntoConstructorsLifecycleAndTestMethods(TestKafka kafka) {
    assertThat(kafka).isSameAs(fromConstructor).isSameAs(fromBeforeEach).isSameAs(fromBeforeAll);
    assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
  }

  @Test
  void producedRecordsCanBeReadBack(TestKafka kafka) throws Exception {
    produce(kafka, "extension.greetings", "hello");

    try (TopicReader reader =
        TopicReader.fromBeginning(kafka.bootstrapServers(), "extension.greetings")) {
      assertThat(reader.readAtLeast(1, READ_TIMEOUT))
          .extracting(ConsumerRecord::value)
          .containsExactly("hello");
    }
  }

  @Test
  void brokerOutageKeepsTopicData(TestKafka kafka) throws Exception {
    kafka.createTopic("extension.outage", 1);
    produce(kafka, "extension.outage", "before");

    kafka.stop();
    kafka.restart();
    produce(kafka, "extension.outage", "after");

    try (TopicReader reader =
        TopicReader.fromBeginning(kafka.bootstrapServers(), "extension.outage")) {
      List<ConsumerRecord<String, String>> records = reader.readAtLeast(2, READ_TIMEOUT);
      assertThat(records).extracting(ConsumerRecord::value).containsExactly("before", "after");
    }
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheEnclosingClassBroker(TestKafka kafka) {
      assertThat(kafka).isSameAs(fromBeforeAll);
    }
  }

  static void produce(TestKafka kafka, String topic, String value) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "key", value)).get(60, TimeUnit.SECONDS);
    }
  }
}

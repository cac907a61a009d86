package io.statusguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@WithKafkaBroker
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TopicReaderTest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void readsRecordsOfEveryPartitionUntilTheConditionHolds(TestKafka kafka) throws Exception {
    kafka.createTopic("reader.partitions", 3);
    for (int i = 0; i < 6; i++) {
      KafkaBrokerExtensionTest.produce(kafka, "reader.partitions", "value-" + i);
    }

    try (TopicReader reader =
        TopicReader.fromBeginning(kafka.bootstrapServers(), "reader.partitions")) {
      assertThat(
              reader.readUntil(
                  records -> records.stream().anyMatch(r -> r.value().equals("value-5")),
                  READ_TIMEOUT))
          .extracting(ConsumerRecord::value)
          .contains("value-5");
      assertThat(reader.readAtLeast(6, READ_TIMEOUT))
          .extracting(ConsumerRecord::value)
          .containsExactlyInAnyOrder(
              "value-0", "value-1", "value-2", "value-3", "value-4", "value-5");
    }
  }

  @Test
  void waitsForATopicThatDoesNotExistYet(TestKafka kafka) throws Exception {
    try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), "reader.late")) {
      CompletableFuture<Void> producer =
          CompletableFuture.runAsync(
              () -> {
                kafka.createTopic("reader.late", 1);
                try {
                  KafkaBrokerExtensionTest.produce(kafka, "reader.late", "late");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      assertThat(reader.readAtLeast(1, READ_TIMEOUT))
          .extracting(ConsumerRecord::value)
          .containsExactly("late");
      producer.get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void timeoutFailsWithWhatWasRead(TestKafka kafka) throws Exception {
    kafka.createTopic("reader.timeout", 1);
    KafkaBrokerExtensionTest.produce(kafka, "reader.timeout", "only-one");

    try (TopicReader reader =
        TopicReader.fromBeginning(kafka.bootstrapServers(), "reader.timeout")) {
      reader.readAtLeast(1, READ_TIMEOUT);

      assertThatThrownBy(() -> reader.readAtLeast(2, Duration.ofMillis(500)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("after reading 1 records from topic reader.timeout")
          .hasMessageContaining("only-one");
    }
  }

  @Test
  void moreRecordsThanTheBoundIsAnError(TestKafka kafka) throws Exception {
    kafka.createTopic("reader.bounded", 1);
    for (int i = 0; i < 3; i++) {
      KafkaBrokerExtensionTest.produce(kafka, "reader.bounded", "value-" + i);
    }

    try (TopicReader reader =
        TopicReader.fromBeginning(kafka.bootstrapServers(), "reader.bounded", 2)) {
      assertThatThrownBy(() -> reader.readAtLeast(3, READ_TIMEOUT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("more than 2 records");
    }
  }
}

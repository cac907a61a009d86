package io.statusguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs where Docker does; elsewhere the extension disables the class and it is reported skipped.
 */
@WithKafkaBroker(backend = Backend.TESTCONTAINERS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TestcontainersBackendTest {

  @Test
  void producedRecordsCanBeReadBack(TestKafka kafka) throws Exception {
    kafka.createTopic("containers.greetings", 1);

    KafkaBrokerExtensionTest.produce(kafka, "containers.greetings", "hello");

    try (TopicReader reader =
        TopicReader.fromBeginning(kafka.bootstrapServers(), "containers.greetings")) {
      assertThat(reader.readAtLeast(1, Duration.ofSeconds(60)))
          .extracting(ConsumerRecord::value)
          .containsExactly("hello");
    }
  }
}

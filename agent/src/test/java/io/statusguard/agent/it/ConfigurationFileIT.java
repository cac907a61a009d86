package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.PublishedEvent;
import io.statusguard.agent.testsupport.Run;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.TopicReader;
import io.statusguard.testing.WithKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent configured by a properties file, as a platform team would ship it: the file supplies
 * what the command line does not, a system property still wins over it, and a credential in it is
 * never printed.
 */
@WithKafkaBroker
class ConfigurationFileIT {
  private static final String TOPIC = "agent-it.config-file";
  private static final String SECRET = "file-s3cret-pw";

  @Test
  void readsTheFileUnderSystemPropertiesAndNeverPrintsItsCredentials(TestKafka kafka,
      @TempDir Path folder) throws Exception {
    kafka.createTopic(TOPIC, 1);
    Path file = folder.resolve("statusguard.properties");
    Files.write(file, List.of(
        "# shipped by the platform team",
        "bootstrap.servers=" + kafka.bootstrapServers(),
        "topic=" + TOPIC,
        "service.name=from-file",
        "egress.group=file-egress",
        // Unused over PLAINTEXT, but a credential all the same: it must never be printed.
        "kafka.ssl.key.password=" + SECRET), StandardCharsets.UTF_8);

    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, "config.file=" + file)
        .withJvmArguments("-Dstatusguard.service.name=from-property")
        .run("config-file", JdkScenarioMain.class, "httpclient-sync-ok", "20", "250");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).hasSize(20).allMatch(line -> line.startsWith("ok: 200 "));
    assertThat(run.otherStderrLines()).isEmpty();
    Summary summary = Summary.of(run);
    assertThat(summary.seen()).isEqualTo(20);
    long sent = summary.sent();
    assertThat(sent).as("events delivered (a broker that has just started may drop the first)")
        .isPositive();
    assertThat(String.join("\n", run.stderr())).doesNotContain(SECRET);
    List<ConsumerRecord<String, String>> records;
    try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
      records = EventRecords.responses(reader.readUntil(
          read -> EventRecords.responses(read).size() >= sent, Duration.ofSeconds(60)));
    }
    assertThat(records).hasSize((int) sent).extracting(ConsumerRecord::key)
        .containsOnly("file-egress");
    for (ConsumerRecord<String, String> record : records) {
      JsonNode event = PublishedEvent.tree(record.value());
      assertThat(event.path("service.name").asText()).isEqualTo("from-property");
      assertThat(record.value()).doesNotContain(SECRET);
    }
  }
}

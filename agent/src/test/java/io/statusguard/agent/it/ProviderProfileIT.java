package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.ProviderStub;
import io.statusguard.agent.testsupport.PublishedEvent;
import io.statusguard.agent.testsupport.Run;
import io.statusguard.event.EventFields;
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
 * A provider profile of the user's own, given as a file: the real agent jar names the requests of its
 * hosts with its operations, templates and identifiers, with no code of its own; a profile that does
 * not validate disables the agent with one line that names the mistake's line.
 */
@WithKafkaBroker
class ProviderProfileIT {
  private static final String TOPIC = "agent-it.provider-profile";

  @Test
  void aUserProfileNamesTheRequestsOfItsHosts(TestKafka kafka, @TempDir Path folder)
      throws Exception {
    kafka.createTopic(TOPIC, 1);
    Path profile = folder.resolve("gateway.yaml");
    Files.write(profile, List.of(
        "name: payments-gateway",
        "hosts: [\"127.0.0.1\"]",
        "routes:",
        "  - operation: FetchPayment",
        "    method: GET",
        "    path: /v1/clients/{Merchant}/transactions/{PaymentID}",
        "    resource: PaymentID",
        "    client: Merchant"), StandardCharsets.UTF_8);

    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, "bootstrap.servers="
            + kafka.bootstrapServers() + ",topic=" + TOPIC + ",flush.timeout.ms=10000,profile="
            + profile)
        .run("provider-profile", JdkScenarioMain.class, "httpclient-sync-ok", "20", "250");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).hasSize(20).allMatch(line -> line.startsWith("ok: 200 "));
    assertThat(run.otherStderrLines()).isEmpty();
    long sent = Summary.of(run).sent();
    assertThat(sent).as("events delivered (a broker that has just started may drop the first)")
        .isPositive();
    List<ConsumerRecord<String, String>> records;
    try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
      records = EventRecords.responses(reader.readUntil(
          read -> EventRecords.responses(read).size() >= sent, Duration.ofSeconds(60)));
    }
    assertThat(records).hasSize((int) sent);
    for (ConsumerRecord<String, String> record : records) {
      JsonNode event = PublishedEvent.tree(record.value());
      assertThat(event.path(EventFields.OPERATION_NAME).asText()).isEqualTo("FetchPayment");
      assertThat(event.path(EventFields.URL_TEMPLATE).asText())
          .isEqualTo("/v1/clients/{Merchant}/transactions/{PaymentID}");
      assertThat(event.path(EventFields.PROVIDER_RESOURCE_TYPE).asText()).isEqualTo("PaymentID");
      assertThat(event.path(EventFields.PROVIDER_RESOURCE_ID).asText()).isEqualTo(ProviderStub.TRANSACTION);
      assertThat(event.path(EventFields.PROVIDER_CLIENT_ID).asText()).isEqualTo(ProviderStub.CLIENT);
    }
  }

  @Test
  void anInvalidProfileDisablesTheAgentWithTheLineOfItsMistake(@TempDir Path folder)
      throws Exception {
    Path profile = folder.resolve("broken.yaml");
    Files.write(profile, List.of(
        "hosts: [\"127.0.0.1\"]",
        "routes:",
        "  - operation: FetchPayment",
        "    method: GET",
        "    path: /v1/clients/{Merchant}/transactions/{PaymentID}",
        "  - operation: FetchClient",
        "    method: GET"), StandardCharsets.UTF_8);
    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA,
            "bootstrap.servers=127.0.0.1:9,profile=" + profile)
        .run("provider-profile-invalid", JdkScenarioMain.class, "httpclient-sync-ok", "3", "0");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).hasSize(3).allMatch(line -> line.startsWith("ok: 200 "));
    assertThat(run.otherStderrLines()).isEmpty();
    assertThat(run.agentLines()).hasSize(2);
    assertThat(run.agentLines().get(0)).isEqualTo("[statusguard] agent disabled: profile " + profile
        + " line 6, column 5: route 2 has no path");
    assertThat(run.summary()).startsWith("[statusguard] agent stopped: seen=");
  }
}

package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusguard.agent.it.ChildJvm.Run;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.TopicReader;
import io.statusguard.testing.WithKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded agent jar attached to a real JVM running real JDK HTTP clients against a real HTTP
 * server, publishing to a real Kafka broker: every scenario must yield exactly the events of its
 * physical responses, and the application must see exactly what it sees without the agent.
 */
@WithKafkaBroker
class JdkHttpClientsIT {
  private static final String CLIENT_TEMPLATE = "/v1/clients/{ClientID}";
  private static final int EVENTS_PER_RUN = 11;

  static Stream<Arguments> clientsAndJdks() {
    return Stream.of(
        Arguments.of("jdk17", ChildJvm.CURRENT_JAVA, "httpclient-sync"),
        Arguments.of("jdk17", ChildJvm.CURRENT_JAVA, "httpclient-async"),
        Arguments.of("jdk17", ChildJvm.CURRENT_JAVA, "urlconnection"),
        Arguments.of("jdk25", ChildJvm.JDK25_JAVA, "httpclient-sync"),
        Arguments.of("jdk25", ChildJvm.JDK25_JAVA, "urlconnection"));
  }

  @ParameterizedTest(name = "{2} on {0}")
  @MethodSource("clientsAndJdks")
  void publishesExactlyOneEventPerPhysicalResponse(String jdk, Path java, String mode,
      TestKafka kafka) throws Exception {
    assumeTrue(Files.isExecutable(java), jdk + " is not installed at " + java);
    String topic = "agent-it." + jdk + "." + mode;
    kafka.createTopic(topic, 1);
    String name = mode + "-" + jdk;

    Run baseline = ChildJvm.withoutAgent(java).run(name + "-without-agent", mode);
    Run run = ChildJvm.withAgent(java, "bootstrap.servers=" + kafka.bootstrapServers()
        + ",topic=" + topic + ",service.name=payments,egress.group=it-egress").run(name, mode);

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).hasSize(10).isEqualTo(baseline.outcomes());
    assertThat(run.otherStderrLines()).isEqualTo(baseline.stderr());
    assertThat(run.agentLines()).containsExactly("[statusguard] agent stopped: seen=11 sent=11"
        + " dropped=0 (queue_full=0 send_failed=0 encode_failed=0)");

    List<ConsumerRecord<String, String>> records;
    try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), topic)) {
      records = reader.readAtLeast(EVENTS_PER_RUN, Duration.ofSeconds(60));
    }
    List<PublishedEvent> events =
        records.stream().map(r -> PublishedEvent.decode(r.value())).toList();
    assertThat(events).containsExactlyInAnyOrderElementsOf(
        expectedEvents(library(mode), run.stubPort(), run.deadPort(), run.tlsPort()));
    assertRedirectPrecedesItsTarget(events);
    assertIdentityAndPrivacy(records, run);
  }

  private static String library(String mode) {
    return mode.startsWith("httpclient") ? "jdk-httpclient" : "jdk-urlconnection";
  }

  private static List<PublishedEvent> expectedEvents(String library, int port, int deadPort,
      int tlsPort) {
    String transactions = CLIENT_TEMPLATE + "/transactions";
    return List.of(
        event(library, "GET", port, transactions + "/{TransactionID}", "RetrieveTransaction",
            List.of(), 200, null),
        event(library, "GET", port, transactions + "/{TransactionID}", "RetrieveTransaction",
            List.of(), 404, null),
        event(library, "POST", port, transactions, "CreateTransaction", List.of(), 409, null),
        event(library, "POST", port, CLIENT_TEMPLATE + "/accounts", "CreateAccount", List.of(),
            500, null),
        event(library, "GET", port, CLIENT_TEMPLATE + "/keys/{KeyID}", "RetrieveKey", List.of(),
            302, null),
        event(library, "GET", port, CLIENT_TEMPLATE, "RetrieveClient", List.of(), 200, null),
        event(library, "GET", deadPort, CLIENT_TEMPLATE, "RetrieveClient", List.of(), 0,
            "connect_error"),
        event(library, "GET", port, transactions, "RetrieveTransaction", List.of("referenceID"), 0,
            "timeout"),
        event(library, "GET", port, "/cards/{id}/check", null, List.of("pan"), 200, null),
        new PublishedEvent(library, "GET", "https", "127.0.0.1", tlsPort,
            transactions + "/{TransactionID}", "RetrieveTransaction", List.of(), 200, null),
        new PublishedEvent(library, "GET", "https", "127.0.0.1", tlsPort,
            transactions + "/{TransactionID}", "RetrieveTransaction", List.of(), 0, "tls_error"));
  }

  private static PublishedEvent event(String library, String method, int port, String template,
      String operation, List<String> queryNames, int status, String errorType) {
    return new PublishedEvent(library, method, "http", "127.0.0.1", port, template, operation,
        queryNames, status, errorType);
  }

  private static void assertRedirectPrecedesItsTarget(List<PublishedEvent> events) {
    int redirect = -1;
    int target = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).status() == 302) {
        redirect = i;
      } else if ("RetrieveClient".equals(events.get(i).operation())
          && events.get(i).status() == 200) {
        target = i;
      }
    }
    assertThat(redirect).isNotNegative().isLessThan(target);
  }

  private static void assertIdentityAndPrivacy(List<ConsumerRecord<String, String>> records,
      Run run) {
    for (ConsumerRecord<String, String> record : records) {
      assertThat(record.key()).isEqualTo("it-egress");
      assertThat(record.value()).doesNotContain(ProviderStub.CLIENT, ProviderStub.TRANSACTION,
          ProviderStub.MISSING_TRANSACTION, ProviderStub.KEY, ScenarioApp.SECRET_TOKEN,
          ScenarioApp.CARD_NUMBER, "4111", "Bearer", "slow");
      JsonNode event = PublishedEvent.tree(record.value());
      assertThat(event.path("service.name").asText()).isEqualTo("payments");
      assertThat(event.path("egress.group").asText()).isEqualTo("it-egress");
      assertThat(event.path("service.instance.id").asText()).isNotBlank();
      assertThat(event.path("duration_us").asLong()).isNotNegative();
      int status = event.path("http.response.status_code").asInt();
      if (status == 500) {
        assertThat(event.path("http.response.content_type").asText()).isEqualTo("application/xml");
      } else if (status == 200) {
        assertThat(event.path("http.response.content_type").asText()).isEqualTo("application/json");
      }
    }
    assertThat(String.join("\n", run.stderr())).doesNotContain(ScenarioApp.SECRET_TOKEN,
        ScenarioApp.CARD_NUMBER);
  }
}

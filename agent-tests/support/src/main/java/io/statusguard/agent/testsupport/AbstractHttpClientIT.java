package io.statusguard.agent.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.TopicReader;
import io.statusguard.testing.WithKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite every HTTP client family's integration test extends: the shaded agent jar attached to a
 * real JVM running {@link ScenarioApp} with the family's client against a real HTTP server,
 * publishing to a real Kafka broker. Every scenario must yield exactly the events of its physical
 * attempts, and the application must see exactly what it sees without the agent. Each mode runs on
 * the current JDK; {@link #jdk25Modes()} also on JDK 25 when it is installed.
 *
 * <p>A subclass may override {@link #expectedEvents} where its library cannot meet an expectation,
 * with a comment saying why.
 */
@WithKafkaBroker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractHttpClientIT {
  protected static final String CLIENT_TEMPLATE = "/v1/clients/{ClientID}";
  protected static final String TRANSACTIONS_TEMPLATE = CLIENT_TEMPLATE + "/transactions";
  protected static final String TRANSACTION_TEMPLATE = TRANSACTIONS_TEMPLATE + "/{TransactionID}";

  /** A class whose {@code main(String[])} calls {@link ScenarioApp#run} with the family's clients. */
  protected abstract Class<?> scenarioMain();

  /** The events' {@code client.library}, e.g. {@code okhttp}. */
  protected abstract String library();

  /** The modes the factory of {@link #scenarioMain()} knows, e.g. {@code sync} and {@code async}. */
  protected abstract List<String> modes();

  /** The modes that also run on JDK 25: by default the first. */
  protected List<String> jdk25Modes() {
    return modes().subList(0, 1);
  }

  /**
   * Whether the agent captures this family's error bodies, so that it runs the provider's error
   * cases ({@link ErrorBodyScenarios}); its {@link ScenarioClient}s then implement {@link
   * ScenarioClient#exchange}.
   */
  protected boolean capturesErrorBodies() {
    return false;
  }

  /** The modes that run the provider's error cases: every mode when it captures error bodies. */
  protected List<String> errorBodyModes() {
    return capturesErrorBodies() ? modes() : List.of();
  }

  /** One argument set per mode and JDK: (mode, JDK name, java executable). */
  Stream<Arguments> runs() {
    return Stream.concat(
        modes().stream().map(mode -> Arguments.of(mode, "jdk17", ChildJvm.CURRENT_JAVA)),
        jdk25Modes().stream().map(mode -> Arguments.of(mode, "jdk25", ChildJvm.JDK25_JAVA)));
  }

  /**
   * The events of one run of the provider's error cases but for the secrets case (see {@link
   * ErrorBodyScenarios#expectedEvents}); a subclass whose library makes more attempts overrides it,
   * saying why.
   */
  protected List<ErrorBodyEvent> expectedErrorBodyEvents(String mode, ErrorBodyEvent unread) {
    return ErrorBodyScenarios.expectedEvents(unread);
  }

  /** As {@link #runs()}, for the modes that run the provider's error cases. */
  Stream<Arguments> errorBodyRuns() {
    return runs().filter(run -> errorBodyModes().contains((String) run.get()[0]));
  }

  /**
   * The provider's error cases: each event carries the operation, template, content type, body
   * format and SC, EC and EM the application's reading revealed; the application reads byte for byte
   * what it reads without the agent (bodies over 8 KiB, read in part, gzip-encoded, never read); the
   * event of a body never read leaves while the application still runs; and no card number, CVV,
   * token or query secret of the requests and answers reaches any record.
   */
  @ParameterizedTest(name = "{0} on {1}", allowZeroInvocations = true)
  @MethodSource("errorBodyRuns")
  void publishesTheProvidersErrorDetails(String mode, String jdk, Path java, TestKafka kafka)
      throws Exception {
    assumeTrue(Files.isExecutable(java), jdk + " is not installed at " + java);
    String name = library() + "-" + mode + "-errors-" + jdk;
    String topic = "agent-it." + name;
    kafka.createTopic(topic, 1);
    String errorsMode = mode + ErrorBodyScenarios.MODE_SUFFIX;

    Run baseline =
        runApplication(ChildJvm.withoutAgent(java), name + "-without-agent", errorsMode, kafka);
    Run run = runApplication(ChildJvm.withAgent(java, "bootstrap.servers="
        + kafka.bootstrapServers() + ",topic=" + topic + ",service.name=payments"
        + ",egress.group=it-egress,kafka.max.block.ms=20000,flush.timeout.ms=20000"
        + ",body.wait.ms=" + ErrorBodyScenarios.BODY_WAIT_MS), name, errorsMode, kafka);

    // The secrets case is checked on its own, beside the others.
    int expectedCount =
        expectedErrorBodyEvents(mode, ErrorBodyScenarios.UNREAD_UNTOUCHED).size() + 1;
    assertThat(run.exitCode()).as(run.stderr().toString()).isZero();
    assertThat(baseline.outcomes()).as(baseline.describeOutcomes())
        .hasSize(ErrorBodyScenarios.SCENARIOS)
        .noneMatch(outcome -> outcome.contains(" threw "));
    assertThat(run.outcomes()).as("with the agent:%n%s%nwithout:%n%s",
        run.describeOutcomes(), baseline.describeOutcomes()).isEqualTo(baseline.outcomes());
    assertThat(run.otherStderrLines()).isEqualTo(baseline.stderr());
    assertThat(run.agentLines()).containsExactly("[statusguard] agent stopped: seen="
        + expectedCount + " sent=" + expectedCount
        + " dropped=0 (queue_full=0 send_failed=0 encode_failed=0)");

    List<ConsumerRecord<String, String>> all;
    try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), topic)) {
      all = reader.readUntil(read -> responses(read).size() >= expectedCount,
          Duration.ofSeconds(60));
    }
    ErrorBodySecrets.assertNoneIn(all);
    List<ConsumerRecord<String, String>> records = responses(all);
    List<ErrorBodyEvent> events = new ArrayList<>();
    int unread = -1;
    int afterWait = -1;
    for (ConsumerRecord<String, String> record : records) {
      ErrorBodyEvent event = ErrorBodyEvent.decode(record.value());
      if (ErrorBodyScenarios.isUnread(event)) {
        unread = events.size();
      } else if (event.status() == 200 && PublishedEvent.decode(record.value()).port()
          == run.stubPort()) {
        afterWait = events.size();
      }
      if (event.status() == ErrorBodyScenarios.SECRETS_STATUS) {
        assertThat(event.bodyFormat()).isEqualTo("json");
        assertThat(event.providerStatus()).isEqualTo(ErrorBodyScenarios.SECRETS_STATUS);
        assertThat(event.errorCode()).isEqualTo("3C400002");
        assertThat(event.errorMessage()).startsWith("Invalid Field: card ");
      }
      events.add(event);
    }
    assertThat(records).hasSize(expectedCount);
    // The body never read waited for body.wait.ms, not for the application's next request.
    assertThat(unread).as("the body never read, before the request after it").isNotNegative()
        .isLessThan(afterWait);
    events.removeIf(event -> event.status() == ErrorBodyScenarios.SECRETS_STATUS);
    // Whether the library read the body the application never read depends on the library.
    assertThat(events).containsExactlyInAnyOrderElementsOf(expectedErrorBodyEvents(mode,
        events.contains(ErrorBodyScenarios.UNREAD_UNTOUCHED) ? ErrorBodyScenarios.UNREAD_UNTOUCHED
            : ErrorBodyScenarios.UNREAD_DRAINED));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("runs")
  void publishesExactlyOneEventPerPhysicalAttempt(String mode, String jdk, Path java,
      TestKafka kafka) throws Exception {
    assumeTrue(Files.isExecutable(java), jdk + " is not installed at " + java);
    String name = library() + "-" + mode + "-" + jdk;
    String topic = "agent-it." + name;
    kafka.createTopic(topic, 1);

    Run baseline =
        runApplication(ChildJvm.withoutAgent(java), name + "-without-agent", mode, kafka);
    // A loaded machine may take the child's producer seconds to fetch metadata: these tests are
    // about what is recorded, so they give delivery time (other tests cover Kafka trouble).
    Run run = runApplication(ChildJvm.withAgent(java, "bootstrap.servers="
        + kafka.bootstrapServers() + ",topic=" + topic + ",service.name=payments"
        + ",egress.group=it-egress,kafka.max.block.ms=20000,flush.timeout.ms=20000"),
        name, mode, kafka);

    List<PublishedEvent> expected = expectedEvents(mode, run);
    assertThat(run.exitCode()).as(run.stderr().toString()).isZero();
    assertThat(run.outcomes()).as("with the agent:%n%s%nwithout:%n%s", run.describeOutcomes(),
        baseline.describeOutcomes()).hasSize(ScenarioApp.SCENARIOS).isEqualTo(baseline.outcomes());
    assertThat(run.otherStderrLines()).isEqualTo(baseline.stderr());
    assertThat(run.agentLines()).containsExactly("[statusguard] agent stopped: seen="
        + expected.size() + " sent=" + expected.size()
        + " dropped=0 (queue_full=0 send_failed=0 encode_failed=0)");

    List<ConsumerRecord<String, String>> records;
    try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), topic)) {
      records = responses(reader.readUntil(read -> responses(read).size() >= expected.size(),
          Duration.ofSeconds(60)));
    }
    List<PublishedEvent> events =
        records.stream().map(r -> PublishedEvent.decode(r.value())).toList();
    assertThat(events).containsExactlyInAnyOrderElementsOf(expected);
    assertRedirectPrecedesItsTarget(events);
    assertIdentityAndPrivacy(records, run);
  }

  /**
   * Runs the application once in {@code jvm} (with the agent or without it) and returns what it
   * printed: by default {@link #scenarioMain()} on this JVM's class path. A subclass whose
   * application is packaged or placed otherwise (an executable jar, a class path of its own)
   * overrides it; {@code kafka} is the broker the agent publishes to, which the application may use
   * too. The returned run's stdout must hold the scenario lines only.
   */
  protected Run runApplication(ChildJvm jvm, String name, String mode, TestKafka kafka)
      throws Exception {
    return jvm.run(name, scenarioMain(), mode);
  }

  /**
   * The events of one full run, in any order: one per physical attempt of each scenario, the
   * redirect's 302 and its target's 200 included, the connection refused, the timeout and the
   * untrusted certificate as status 0 with their error types.
   */
  protected List<PublishedEvent> expectedEvents(String mode, Run run) {
    int port = run.stubPort();
    return List.of(
        event("GET", port, TRANSACTION_TEMPLATE, "RetrieveTransaction", List.of(), 200, null),
        event("GET", port, TRANSACTION_TEMPLATE, "RetrieveTransaction", List.of(), 404, null),
        event("POST", port, TRANSACTIONS_TEMPLATE, "CreateTransaction", List.of(), 409, null),
        event("POST", port, CLIENT_TEMPLATE + "/accounts", "CreateAccount", List.of(), 500, null),
        event("GET", port, CLIENT_TEMPLATE + "/keys/{KeyID}", "RetrieveKey", List.of(), 302, null),
        event("GET", port, CLIENT_TEMPLATE, "RetrieveClient", List.of(), 200, null),
        event("GET", run.deadPort(), CLIENT_TEMPLATE, "RetrieveClient", List.of(), 0,
            "connect_error"),
        event("GET", port, TRANSACTIONS_TEMPLATE, "RetrieveTransaction", List.of("referenceID"), 0,
            "timeout"),
        event("GET", port, "/cards/{id}/check", null, List.of("pan"), 200, null),
        new PublishedEvent(library(), "GET", "https", "127.0.0.1", run.tlsPort(),
            TRANSACTION_TEMPLATE, "RetrieveTransaction", List.of(), 200, null),
        new PublishedEvent(library(), "GET", "https", "127.0.0.1", run.tlsPort(),
            TRANSACTION_TEMPLATE, "RetrieveTransaction", List.of(), 0, "tls_error"));
  }

  /** An event of this library for a plain-HTTP request to 127.0.0.1. */
  protected final PublishedEvent event(String method, int port, String template, String operation,
      List<String> queryNames, int status, String errorType) {
    return new PublishedEvent(library(), method, "http", "127.0.0.1", port, template, operation,
        queryNames, status, errorType);
  }

  private static List<ConsumerRecord<String, String>> responses(
      List<ConsumerRecord<String, String>> records) {
    return records.stream().filter(record -> PublishedEvent.isResponse(record.value())).toList();
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
      JsonNode event = PublishedEvent.tree(record.value());
      // The provider profile marks the ClientID and the resource ids: each may leave in its own
      // field, provider.client_id or provider.resource_id, and nowhere else.
      ObjectNode rest = event.deepCopy();
      JsonNode clientId = rest.remove("provider.client_id");
      JsonNode resourceId = rest.remove("provider.resource_id");
      if (clientId != null) {
        assertThat(clientId.asText()).isEqualTo(ProviderStub.CLIENT);
      }
      if (resourceId != null) {
        assertThat(resourceId.asText()).isIn(ProviderStub.TRANSACTION,
            ProviderStub.MISSING_TRANSACTION, ProviderStub.KEY, ProviderStub.SLOW_REFERENCE);
      }
      assertThat(rest.toString()).doesNotContain(ProviderStub.CLIENT, ProviderStub.TRANSACTION,
          ProviderStub.MISSING_TRANSACTION, ProviderStub.KEY, ScenarioApp.SECRET_TOKEN,
          ScenarioApp.CARD_NUMBER);
      assertThat(record.value()).doesNotContain(ScenarioApp.SECRET_TOKEN, ScenarioApp.CARD_NUMBER);
      // Numbers such as time_unix_ms may hold any digits; no text value may hold a piece of a secret.
      for (String text : PublishedEvent.textValuesBesideTheInstanceId(rest)) {
        assertThat(text).doesNotContain("4111", "Bearer", "slow");
      }
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

package io.statusguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusguard.analyzer.Analyzer;
import io.statusguard.analyzer.AnalyzerConfig;
import io.statusguard.demo.ClientLaunch;
import io.statusguard.demo.PaymentsClientProcess;
import io.statusguard.demo.client.Scenario;
import io.statusguard.event.EventFields;
import io.statusguard.event.EventTopic;
import io.statusguard.simulator.ProviderSimulator;
import io.statusguard.simulator.SimulatorConfig;
import io.statusguard.testing.ScrapedMetrics;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.TopicReader;
import io.statusguard.testing.WithKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path on one machine: the sample payments client in a JVM of its own with the agent jar
 * attached, a real Kafka broker, the analyzer, and the provider simulator. The scenario (steady traffic,
 * then a faulty release that retrieves unknown transactions in a burst) runs once for the class.
 */
@WithKafkaBroker
class AgentToMetricsEndToEndTest {
  private static final String SERVICE = "payments-e2e";
  private static final Scenario SCENARIO = new Scenario(6, 15, 60, 60, 5, 11);
  private static final Pattern CARD_LIKE = Pattern.compile("[0-9]{13,19}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ProviderSimulator provider;
  private static Analyzer analyzer;
  private static PaymentsClientProcess client;
  private static Map<String, Long> tally;
  private static ScrapedMetrics metrics;

  @BeforeAll
  static void playScenario(TestKafka kafka) throws Exception {
    kafka.createTopic(EventTopic.DEFAULT_NAME, 3);
    provider = ProviderSimulator.start(SimulatorConfig.defaults());
    analyzer = Analyzer.start(AnalyzerConfig.defaults()
        .withBootstrapServers(kafka.bootstrapServers()).withHttpHost("127.0.0.1").withHttpPort(0));
    ClientLaunch launch = ClientLaunch.of(
        Map.of("bootstrap.servers", kafka.bootstrapServers(), "service.name", SERVICE, "egress.group", "e2e-egress"),
        provider.baseUri(), provider.bearerToken(), provider.clientId(), SCENARIO);
    client = PaymentsClientProcess.start(launch, line -> {});
    assertThat(client.waitFor(Duration.ofMinutes(2))).as("client exit code; stderr %s", client.stderrLines()).isZero();
    tally = client.tally();
    long sent = tally.values().stream().mapToLong(Long::longValue).sum();
    metrics = AnalyzerScrape.awaitResponses(analyzer, SERVICE, sent, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (analyzer != null) {
      analyzer.close();
    }
    if (provider != null) {
      provider.close();
    }
  }

  @Test
  void metricsCountExactlyWhatTheClientSentPerEndpointAndStatus() {
    assertThat(AnalyzerScrape.responsesByMethodEndpointStatus(metrics, SERVICE)).isEqualTo(tally);
  }

  @Test
  void theFaultyReleaseShowsAsRetrieveTransaction404sAndThenTheBlock() {
    assertThat(metrics.sum(AnalyzerScrape.RESPONSES, "service", SERVICE, "operation", "RetrieveTransaction",
        "status", "404")).isGreaterThanOrEqualTo(20);
    double blocked = metrics.sum(AnalyzerScrape.RESPONSES, "service", SERVICE, "status", "403");
    assertThat(blocked).as("the simulator blocked the burst's address: later calls get 403").isPositive();
    assertThat(metrics.sum(AnalyzerScrape.RESPONSES, "service", SERVICE, "status", "403", "class", "ip_blocked"))
        .as("a 403 with an XML body is the provider's IP block, in the provider's error model: %s",
            metrics.samples(AnalyzerScrape.RESPONSES))
        .isEqualTo(blocked);
    assertThat(metrics.sum(AnalyzerScrape.RESPONSES, "service", SERVICE, "operation", "RetrieveTransaction",
        "status", "404", "class", "client_fixable")).isGreaterThanOrEqualTo(20);
    assertThat(provider.isBlocked("127.0.0.1")).isTrue();
  }

  @Test
  void noEventCarriesTheBearerTokenACardNumberOrTheClientIdOutsideItsField(TestKafka kafka) throws Exception {
    try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), EventTopic.DEFAULT_NAME)) {
      long sent = tally.values().stream().mapToLong(Long::longValue).sum();
      List<ConsumerRecord<String, String>> records = reader.readUntil(
          read -> responses(read).size() >= sent, Duration.ofSeconds(30));
      assertThat(responses(records)).as("one response event per call, besides the agent's heartbeats").hasSize((int) sent);
      for (ConsumerRecord<String, String> record : records) {
        assertThat(record.key()).isEqualTo("e2e-egress");
        assertThat(record.value()).doesNotContain(provider.bearerToken());
        // The provider profile marks the ClientID: it may leave in provider.client_id and nowhere else.
        ObjectNode rest = (ObjectNode) JSON.readTree(record.value());
        JsonNode clientId = rest.remove("provider.client_id");
        if (clientId != null) {
          assertThat(clientId.asText()).isEqualTo(provider.clientId());
        }
        assertThat(rest.toString()).doesNotContain(provider.clientId());
        // Numbers such as the event time are digits by right; no text value may hold a card-like run.
        for (String text : textValues(rest)) {
          assertThat(text).doesNotContainPattern(CARD_LIKE);
        }
      }
    }
  }

  private static List<JsonNode> responses(List<ConsumerRecord<String, String>> records) {
    List<JsonNode> responses = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      try {
        JsonNode event = JSON.readTree(record.value());
        if (EventFields.TYPE_HTTP_RESPONSE.equals(event.path(EventFields.EVENT_TYPE).asText())) {
          responses.add(event);
        }
      } catch (IOException e) {
        throw new AssertionError("the agent wrote a record that is not JSON: " + record.value(), e);
      }
    }
    return responses;
  }

  private static List<String> textValues(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    node.forEach(child -> texts.addAll(textValues(child)));
    return texts;
  }

  @Test
  void everyMetricTheDashboardsQueryIsExported() throws Exception {
    Set<String> queried = new TreeSet<>();
    Pattern metricName = Pattern.compile("statusguard_[a-z_]+");
    try (Stream<Path> files = Files.walk(Path.of(System.getProperty("statusguard.dashboards.dir")))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).collect(Collectors.toList())) {
        collectExpressions(JSON.readTree(file.toFile()), queried, metricName);
      }
    }
    assertThat(queried).isNotEmpty();
    assertThat(metrics.names()).containsAll(queried);
  }

  private static void collectExpressions(JsonNode node, Set<String> into, Pattern metricName) {
    if (node.has("expr")) {
      Matcher matcher = metricName.matcher(node.get("expr").asText());
      while (matcher.find()) {
        into.add(matcher.group());
      }
    }
    node.forEach(child -> collectExpressions(child, into, metricName));
  }
}

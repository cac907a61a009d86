package io.statusguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentConfigTest {
  private static final Map<String, String> NONE = Map.of();

  private static AgentConfig parse(String args) throws InvalidConfigException {
    return AgentConfig.parse(args, NONE, NONE);
  }

  @Test
  void appliesDefaults() throws InvalidConfigException {
    AgentConfig config = parse("bootstrap.servers=127.0.0.1:9092");

    assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.serviceName()).isEqualTo("unknown_service:java");
    assertThat(config.serviceInstanceId()).isNull();
    assertThat(config.egressGroup()).isNull();
    assertThat(config.topic()).isEqualTo("statusguard.events");
    assertThat(config.queueCapacity()).isEqualTo(8192);
    assertThat(config.flushTimeoutMs()).isEqualTo(2000);
    assertThat(config.enabled()).isTrue();
    assertThat(config.kafkaProperties()).isEmpty();
  }

  @Test
  void readsEveryKeyFromAgentArguments() throws InvalidConfigException {
    AgentConfig config = parse("bootstrap.servers=k1:9092, service.name=payments,"
        + "service.instance.id=pod-7,egress.group=nat-a,topic=events.v1,queue.capacity=16,"
        + "flush.timeout.ms=500,enabled=true,kafka.security.protocol=SSL");

    assertThat(config.serviceName()).isEqualTo("payments");
    assertThat(config.serviceInstanceId()).isEqualTo("pod-7");
    assertThat(config.egressGroup()).isEqualTo("nat-a");
    assertThat(config.topic()).isEqualTo("events.v1");
    assertThat(config.queueCapacity()).isEqualTo(16);
    assertThat(config.flushTimeoutMs()).isEqualTo(500);
    assertThat(config.kafkaProperties()).containsExactly(Map.entry("security.protocol", "SSL"));
  }

  @Test
  void aPieceWithoutEqualsContinuesThePreviousValue() throws InvalidConfigException {
    AgentConfig config = parse("bootstrap.servers=a:9092,b:9092,c:9093,service.name=x");

    assertThat(config.bootstrapServers()).isEqualTo("a:9092,b:9092,c:9093");
    assertThat(config.serviceName()).isEqualTo("x");
  }

  @Test
  void agentArgumentsBeatSystemPropertiesWhichBeatTheEnvironment() throws InvalidConfigException {
    Map<String, String> properties = Map.of(
        "statusguard.service.name", "from-property",
        "statusguard.topic", "property.topic",
        "statusguard.kafka.acks", "all");
    Map<String, String> environment = Map.of(
        "STATUSGUARD_SERVICE_NAME", "from-env",
        "STATUSGUARD_TOPIC", "env.topic",
        "STATUSGUARD_EGRESS_GROUP", "env-group",
        "STATUSGUARD_FLUSH_TIMEOUT_MS", "750",
        "STATUSGUARD_KAFKA_ACKS", "0",
        "STATUSGUARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");

    AgentConfig config = AgentConfig.parse("bootstrap.servers=b:1,service.name=from-args",
        properties, environment);

    assertThat(config.serviceName()).isEqualTo("from-args");
    assertThat(config.topic()).isEqualTo("property.topic");
    assertThat(config.egressGroup()).isEqualTo("env-group");
    assertThat(config.flushTimeoutMs()).isEqualTo(750);
    assertThat(config.kafkaProperties())
        .containsEntry("acks", "all")
        .containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void needsNoAgentArgumentsWhenTheEnvironmentConfigures() throws InvalidConfigException {
    AgentConfig config = AgentConfig.parse(null, NONE,
        Map.of("STATUSGUARD_BOOTSTRAP_SERVERS", "kafka:9092"));

    assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
  }

  @Test
  void ignoresUnknownPropertiesAndVariablesSharingThePrefix() throws InvalidConfigException {
    AgentConfig config = AgentConfig.parse("bootstrap.servers=b:1",
        Map.of("statusguard.test.kafka", "embedded"),
        Map.of("STATUSGUARD_ANALYZER_HTTP_PORT", "9464"));

    assertThat(config.kafkaProperties()).isEmpty();
  }

  @Test
  void aDisabledAgentNeedsNoServers() throws InvalidConfigException {
    AgentConfig config = parse("enabled=false");

    assertThat(config.enabled()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "service.name=x                                | bootstrap.servers is required",
      "bootstrap.servers=                            | bootstrap.servers is required",
      "bootstrap.servers=localhost                   | bootstrap.servers must be host:port entries",
      "bootstrap.servers=a:9092;b:9092               | bootstrap.servers must be host:port entries",
      "bootstrap.servers=a:70000                     | bootstrap.servers must be host:port entries",
      "bootstrap.servers=a:1,queue.capacity=lots     | queue.capacity must be an integer from 1 to 1048576, got 'lots'",
      "bootstrap.servers=a:1,queue.capacity=0        | queue.capacity must be an integer from 1 to 1048576, got '0'",
      "bootstrap.servers=a:1,flush.timeout.ms=-1     | flush.timeout.ms must be an integer from 0 to 60000",
      "bootstrap.servers=a:1,enabled=yes             | enabled must be true or false, got 'yes'",
      "bootstrap.servers=a:1,topic=a/b               | topic must be 1 to 249 characters",
      "bootstrap.servers=a:1,service.name=           | service.name must be 1 to 128 characters",
      "bootstrap.servers=a:1,servce.name=typo        | unknown agent argument 'servce.name'",
      "justavalue                                    | agent arguments must be key=value pairs",
      "bootstrap.servers=a:1,kafka.=x                | kafka.<key> needs a producer setting name",
  })
  void rejectsInvalidValuesNamingTheKey(String args, String message) {
    assertThatThrownBy(() -> parse(args))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void rejectsInvalidValuesFromTheEnvironmentToo() {
    assertThatThrownBy(() -> AgentConfig.parse("bootstrap.servers=a:1", NONE,
        Map.of("STATUSGUARD_QUEUE_CAPACITY", "-5")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("queue.capacity");
  }

  @Test
  void neverShowsKafkaSettingValues() throws InvalidConfigException {
    AgentConfig config = parse("bootstrap.servers=a:1,kafka.sasl.jaas.config=password=hunter2");

    assertThat(config.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
  }
}

package io.statusguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statusguard.agent.profile.ProfileMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentConfigTest {
  private static final Map<String, String> NONE = Map.of();

  @TempDir
  Path folder;

  private Path file(String... lines) throws IOException {
    Path file = folder.resolve("statusguard.properties");
    Files.write(file, java.util.List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

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
    assertThat(config.heartbeatIntervalMs()).isEqualTo(10_000);
    assertThat(config.templatesMaxPerHost()).isEqualTo(200);
    assertThat(config.samplingSuccessesPerSecond()).isZero();
    assertThat(config.configFile()).isNull();
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

  @Test
  void readsTheTemplateBoundAndTheSamplingLimit() throws InvalidConfigException {
    AgentConfig config = parse("bootstrap.servers=k1:9092,templates.max.per.host=50,"
        + "sampling.successes.per.second=100");

    assertThat(config.templatesMaxPerHost()).isEqualTo(50);
    assertThat(config.samplingSuccessesPerSecond()).isEqualTo(100);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bootstrap.servers=a:1,templates.max.per.host=1 | templates.max.per.host must be an integer from 2 to 100000",
      "bootstrap.servers=a:1,sampling.successes.per.second=-1 | sampling.successes.per.second must be an integer from 0",
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

  @Test
  void readsEveryKeyFromTheConfigFile() throws Exception {
    Path file = file("# statusguard", "bootstrap.servers = kafka:9093", "service.name=payments",
        "heartbeat.interval.ms=30000", "kafka.security.protocol=SASL_SSL",
        "kafka.sasl.mechanism=PLAIN",
        "kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\",
        "    username=\"svc\" password=\"hunter2-pw\";");

    AgentConfig config = parse("config.file=" + file);

    assertThat(config.bootstrapServers()).isEqualTo("kafka:9093");
    assertThat(config.serviceName()).isEqualTo("payments");
    assertThat(config.heartbeatIntervalMs()).isEqualTo(30_000);
    assertThat(config.configFile()).isEqualTo(file.toString());
    assertThat(config.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
            + " required username=\"svc\" password=\"hunter2-pw\";");
    assertThat(config.toString()).doesNotContain("hunter2");
  }

  @Test
  void argumentsBeatPropertiesBeatTheEnvironmentBeatTheFileBeatsTheDefaults() throws Exception {
    Path file = file("bootstrap.servers=file:1", "service.name=file", "topic=file.topic",
        "egress.group=file-group", "service.instance.id=file-id", "kafka.acks=0");
    Map<String, String> properties = Map.of(
        "statusguard.service.name", "property",
        "statusguard.topic", "property.topic");
    Map<String, String> environment = Map.of(
        "STATUSGUARD_CONFIG_FILE", file.toString(),
        "STATUSGUARD_SERVICE_NAME", "env",
        "STATUSGUARD_TOPIC", "env.topic",
        "STATUSGUARD_EGRESS_GROUP", "env-group");

    AgentConfig config = AgentConfig.parse("service.name=argument", properties, environment);

    assertThat(config.serviceName()).isEqualTo("argument");
    assertThat(config.topic()).isEqualTo("property.topic");
    assertThat(config.egressGroup()).isEqualTo("env-group");
    assertThat(config.serviceInstanceId()).isEqualTo("file-id");
    assertThat(config.bootstrapServers()).isEqualTo("file:1");
    assertThat(config.kafkaProperties()).containsEntry("acks", "0");
    assertThat(config.queueCapacity()).isEqualTo(AgentConfig.DEFAULT_QUEUE_CAPACITY);
  }

  @Test
  void findsTheConfigFileThroughASystemPropertyToo() throws Exception {
    Path file = file("bootstrap.servers=file:1");

    AgentConfig config = AgentConfig.parse(null,
        Map.of("statusguard.config.file", file.toString()), NONE);

    assertThat(config.bootstrapServers()).isEqualTo("file:1");
  }

  @Test
  void theFileNamedByTheArgumentsWinsOverTheOneNamedByTheEnvironment() throws Exception {
    Path chosen = file("bootstrap.servers=chosen:1");
    Path ignored = folder.resolve("ignored.properties");
    Files.writeString(ignored, "bootstrap.servers=ignored:1");

    AgentConfig config = AgentConfig.parse("config.file=" + chosen, NONE,
        Map.of("STATUSGUARD_CONFIG_FILE", ignored.toString()));

    assertThat(config.bootstrapServers()).isEqualTo("chosen:1");
  }

  @Test
  void rejectsAConfigFileThatCannotBeRead() {
    Path missing = folder.resolve("missing.properties");

    assertThatThrownBy(() -> parse("config.file=" + missing))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("config.file " + missing + " cannot be read: NoSuchFileException");
  }

  @Test
  void rejectsAConfigFileThatIsAFolder() {
    assertThatThrownBy(() -> parse("config.file=" + folder))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("config.file " + folder + " cannot be read: ");
  }

  @Test
  void rejectsAnEmptyConfigFileName() {
    assertThatThrownBy(() -> parse("config.file="))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("config.file must name a properties file");
  }

  @Test
  void rejectsAnUnknownKeyInTheConfigFileWithoutShowingValues() throws Exception {
    Path file = file("bootstrap.servers=file:1", "kafka.ssl.key.password=hunter2-pw",
        "servce.name=typo");

    assertThatThrownBy(() -> parse("config.file=" + file))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("unknown key 'servce.name' in config.file " + file);
  }

  @Test
  void rejectsAConfigFileNamingAnotherFile() throws Exception {
    Path file = file("config.file=/etc/other.properties");

    assertThatThrownBy(() -> parse("config.file=" + file))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("names another file");
  }

  @Test
  void rejectsAnOversizedConfigFile() throws Exception {
    Path file = file("bootstrap.servers=file:1", "#" + "x".repeat((int) ConfigFile.MAX_BYTES));

    assertThatThrownBy(() -> parse("config.file=" + file))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("is larger than 65536 bytes");
  }

  @Test
  void rejectsAnInvalidValueFromTheConfigFile() throws Exception {
    Path file = file("bootstrap.servers=file:1", "queue.capacity=many");

    assertThatThrownBy(() -> parse("config.file=" + file))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("queue.capacity must be an integer from 1 to 1048576, got 'many'");
  }

  @Test
  void capturesErrorBodiesForTwoSecondsByDefaultAndReadsBothBodySettings()
      throws InvalidConfigException {
    AgentConfig defaults = parse("bootstrap.servers=a:1");
    AgentConfig configured = parse("bootstrap.servers=a:1,body.capture=false,body.wait.ms=500");

    assertThat(defaults.bodyCapture()).isTrue();
    assertThat(defaults.bodyWaitMs()).isEqualTo(2000);
    assertThat(configured.bodyCapture()).isFalse();
    assertThat(configured.bodyWaitMs()).isEqualTo(500);
    assertThatThrownBy(() -> parse("bootstrap.servers=a:1,body.wait.ms=0"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("body.wait.ms must be an integer from 1 to 60000, got '0'");
    assertThatThrownBy(() -> parse("bootstrap.servers=a:1,body.capture=maybe"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("body.capture must be true or false, got 'maybe'");
  }

  @Test
  void turnsHeartbeatsOffWithZero() throws InvalidConfigException {
    assertThat(parse("bootstrap.servers=a:1,heartbeat.interval.ms=0").heartbeatIntervalMs())
        .isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "heartbeat.interval.ms=500          | heartbeat.interval.ms must be 0 (no heartbeats) or from 1000 to 3600000, got '500'",
      "heartbeat.interval.ms=often        | heartbeat.interval.ms must be an integer from 0 to 3600000, got 'often'",
      "kafka.security.protocol=SASL_PLAIN | kafka.security.protocol must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, got 'SASL_PLAIN'",
      "kafka.sasl.mechanism=              | kafka.sasl.mechanism must name a SASL mechanism, e.g. PLAIN or SCRAM-SHA-512",
      "kafka.ssl.truststore.location=/nonexistent/truststore.p12 | kafka.ssl.truststore.location /nonexistent/truststore.p12 is not a readable file",
      "kafka.ssl.keystore.location=/      | kafka.ssl.keystore.location / is not a readable file",
  })
  void rejectsKafkaAndHeartbeatSettingsItCanCheckEarly(String setting, String message) {
    assertThatThrownBy(() -> parse("bootstrap.servers=a:1," + setting))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(message);
  }

  @Test
  void acceptsTheSecurityProtocolInAnyCase() throws InvalidConfigException {
    assertThat(parse("bootstrap.servers=a:1,kafka.security.protocol=sasl_ssl").kafkaProperties())
        .containsEntry("security.protocol", "sasl_ssl");
  }

  @Test
  void acceptsAReadableTrustStore() throws Exception {
    Path store = Files.write(folder.resolve("truststore.p12"), new byte[] {1});

    assertThat(parse("bootstrap.servers=a:1,kafka.ssl.truststore.location=" + store)
        .kafkaProperties()).containsEntry("ssl.truststore.location", store.toString());
  }

  @Test
  void masksKafkaCredentialsInAnyText() throws InvalidConfigException {
    AgentConfig config = parse("bootstrap.servers=a:1,kafka.ssl.truststore.password=trust-pw-1");

    assertThat(config.secrets().mask("Keystore was tampered with, or password trust-pw-1 was"
        + " incorrect")).isEqualTo("Keystore was tampered with, or password [hidden] was incorrect");
  }

  @Test
  void usesTheBuiltInProfileAloneByDefault() throws InvalidConfigException {
    AgentConfig config = parse("bootstrap.servers=k:9092");

    assertThat(config.profile()).isNull();
    assertThat(config.profileMode()).isEqualTo(ProfileMode.REPLACE);
  }

  @Test
  void readsTheProfileAndItsMode() throws Exception {
    Path profile = Files.writeString(folder.resolve("profile.yaml"), "hosts: [\"*\"]\nroutes: []\n");

    AgentConfig fromFile = parse("bootstrap.servers=k:9092,profile=" + profile
        + ",profile.mode=Extend");
    AgentConfig fromClassPath = AgentConfig.parse("bootstrap.servers=k:9092",
        Map.of("statusguard.profile", "classpath:profiles/mine.yaml"), NONE);

    assertThat(fromFile.profile()).isEqualTo(profile.toString());
    assertThat(fromFile.profileMode()).isEqualTo(ProfileMode.EXTEND);
    assertThat(fromClassPath.profile()).isEqualTo("classpath:profiles/mine.yaml");
  }

  @Test
  void rejectsAProfileItCannotFindOrAModeWithoutProfile() {
    assertThatThrownBy(() -> parse("bootstrap.servers=k:9092,profile=" + folder.resolve("no.yaml")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("profile '" + folder.resolve("no.yaml") + "' is not a readable file");
    assertThatThrownBy(() -> parse("bootstrap.servers=k:9092,profile=" + folder))
        .hasMessageContaining("is not a readable file");
    assertThatThrownBy(() -> parse("bootstrap.servers=k:9092,profile.mode=merge"))
        .hasMessage("profile.mode must be replace or extend, got 'merge'");
    assertThatThrownBy(() -> parse("bootstrap.servers=k:9092,profile.mode=extend"))
        .hasMessage("profile.mode=extend needs profile (the profile that extends the built-in one)");
  }
}

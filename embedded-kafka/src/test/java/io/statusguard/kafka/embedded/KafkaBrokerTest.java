package io.statusguard.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KafkaBrokerTest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void servesProduceAndConsumeOnLoopback() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start()) {
      assertThat(broker.isRunning()).isTrue();
      assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
      broker.createTopic("greetings", 2);

      produce(broker.bootstrapServers(), "greetings", "hello");

      assertThat(readValues(broker.bootstrapServers(), "greetings", 1)).containsExactly("hello");
    }
  }

  @Test
  void restartKeepsPortAndTopicData() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start()) {
      String bootstrapServers = broker.bootstrapServers();
      broker.createTopic("survivors", 1);
      produce(bootstrapServers, "survivors", "before-outage");

      broker.stop();

      assertThat(broker.isRunning()).isFalse();
      assertThat(LocalPorts.isListening(port(bootstrapServers))).isFalse();

      broker.restart();

      assertThat(broker.isRunning()).isTrue();
      assertThat(broker.bootstrapServers()).isEqualTo(bootstrapServers);
      produce(bootstrapServers, "survivors", "after-outage");
      assertThat(readValues(bootstrapServers, "survivors", 2))
          .containsExactly("before-outage", "after-outage");
    }
  }

  @Test
  void servesSaslPlainClientsOnASecondListenerBesideThePlainOne() throws Exception {
    BrokerOptions options = BrokerOptions.defaults().withSaslPlainUser("svc", "s3cret-pw");
    try (KafkaBroker broker = KafkaBroker.start(options)) {
      broker.createTopic("guarded", 1);
      String sasl = broker.saslPlainBootstrapServers();
      assertThat(sasl).startsWith("127.0.0.1:").isNotEqualTo(broker.bootstrapServers());

      produce(sasl, "guarded", "authenticated", saslPlain("svc", "s3cret-pw"));

      assertThat(readValues(broker.bootstrapServers(), "guarded", 1))
          .containsExactly("authenticated");
      Throwable refused =
          catchThrowable(() -> produce(sasl, "guarded", "impostor", saslPlain("svc", "wrong")));
      assertThat(Stream.iterate(refused, Objects::nonNull, Throwable::getCause))
          .hasAtLeastOneElementOfType(SaslAuthenticationException.class);
    }
  }

  @Test
  void hasNoSaslListenerWithoutUsers() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start()) {
      assertThatThrownBy(broker::saslPlainBootstrapServers)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no SASL/PLAIN listener");
    }
  }

  @Test
  void saslUserThatCannotBeWrittenIntoJaasIsRejectedUpFront() {
    assertThatThrownBy(() -> BrokerOptions.defaults().withSaslPlainUser("svc", "has\"quote"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without quotes");
    assertThatThrownBy(() -> BrokerOptions.defaults().withSaslPlainUser("s v c", "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user names");
  }

  @Test
  void closeDeletesItsTemporaryDataDirectory() throws Exception {
    Path dataDir;
    try (KafkaBroker broker = KafkaBroker.start()) {
      dataDir = broker.logFile().getParent();
      assertThat(broker.logFile()).isRegularFile();
      assertThat(Files.readString(broker.logFile())).contains("Kafka Server started");
    }
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void namedDataDirectoryOutlivesTheBrokerAndKeepsItsData(@TempDir Path dataDir) throws Exception {
    BrokerOptions options = BrokerOptions.defaults().withDataDir(dataDir);
    try (KafkaBroker broker = KafkaBroker.start(options)) {
      broker.createTopic("kept", 1);
      produce(broker.bootstrapServers(), "kept", "first-life");
    }
    assertThat(dataDir.resolve("kafka").resolve("meta.properties")).isRegularFile();

    try (KafkaBroker broker = KafkaBroker.start(options)) {
      assertThat(readValues(broker.bootstrapServers(), "kept", 1)).containsExactly("first-life");
    }
  }

  @Test
  void badServerPropertyFailsStartWithTheBrokersOwnExplanation() {
    BrokerOptions options =
        BrokerOptions.defaults().withServerProperty("num.io.threads", "not-a-number");

    assertThatThrownBy(() -> KafkaBroker.start(options))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("last lines of")
        .hasMessageContaining("num.io.threads");
  }

  @Test
  void reservedServerPropertyIsRejectedUpFront() {
    assertThatThrownBy(
            () -> BrokerOptions.defaults().withServerProperty("listeners", "PLAINTEXT://:9092"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listeners");
  }

  @Test
  void portOutsideTheValidRangeIsRejected() {
    assertThatThrownBy(() -> BrokerOptions.defaults().withPort(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }

  @Test
  void portAlreadyInUseFailsStartClearly() throws Exception {
    try (KafkaBroker first = KafkaBroker.start()) {
      BrokerOptions samePort = BrokerOptions.defaults().withPort(port(first.bootstrapServers()));

      assertThatThrownBy(() -> KafkaBroker.start(samePort))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void aChosenPortThatAnotherProcessListensOnFirstIsChosenAgain() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      PortChoice ports = portsStartingWith(taken.getLocalPort());

      try (KafkaBroker broker = KafkaBroker.start(BrokerOptions.defaults(), ports)) {
        assertThat(port(broker.bootstrapServers())).isNotEqualTo(taken.getLocalPort());
        broker.createTopic("chosen-again", 1);
      }
    }
  }

  @Test
  void aChosenControllerPortThatIsBoundFirstIsChosenAgain() throws Exception {
    int clientPort = LocalPorts.free();
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      // The client port is chosen first, the controller's second: the broker fails to bind the latter.
      PortChoice ports = portsStartingWith(clientPort, taken.getLocalPort());

      try (KafkaBroker broker = KafkaBroker.start(BrokerOptions.defaults(), ports)) {
        broker.createTopic("controller-chosen-again", 1);
      }
    }
  }

  /** Hands out {@code first}, in order, then free ports. */
  private static PortChoice portsStartingWith(int... first) {
    AtomicInteger handedOut = new AtomicInteger();
    return () -> {
      int next = handedOut.getAndIncrement();
      return next < first.length ? first[next] : LocalPorts.free();
    };
  }

  private static int port(String bootstrapServers) {
    return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
  }

  private static Properties saslPlain(String user, String password) {
    Properties properties = new Properties();
    properties.put("security.protocol", "SASL_PLAINTEXT");
    properties.put("sasl.mechanism", "PLAIN");
    properties.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
        + " required username=\"" + user + "\" password=\"" + password + "\";");
    return properties;
  }

  private static void produce(String bootstrapServers, String topic, String value)
      throws Exception {
    produce(bootstrapServers, topic, value, new Properties());
  }

  private static void produce(
      String bootstrapServers, String topic, String value, Properties security) throws Exception {
    Properties properties = new Properties();
    properties.putAll(security);
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, value)).get(60, TimeUnit.SECONDS);
    }
  }

  private static List<String> readValues(String bootstrapServers, String topic, int expected) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic, READ_TIMEOUT)
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}

package io.statusguard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import io.statusguard.kafka.embedded.TopicCreation;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers backend: the apache/kafka image of the same version as our kafka-clients,
 * unless the {@value #IMAGE_PROPERTY} property names another. Thread-safe.
 */
final class ContainerTestKafka implements ManagedKafka {
  static final String IMAGE_PROPERTY = "statusguard.test.kafka.image";
  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaContainer container;

  private ContainerTestKafka(KafkaContainer container) {
    this.container = container;
  }

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static ContainerTestKafka start(Optional<String> image) {
    String name = image.filter(s -> !s.isBlank()).orElseGet(ContainerTestKafka::defaultImage);
    KafkaContainer container = new KafkaContainer(DockerImageName.parse(name));
    container.start();
    return new ContainerTestKafka(container);
  }

  /**
   * apache/kafka tagged with the parent pom's kafka.version, written into a resource at build time.
   */
  static String defaultImage() {
    Properties properties = new Properties();
    try (InputStream in = ContainerTestKafka.class.getResourceAsStream("kafka-image.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "kafka-image.properties is missing from statusguard-testing");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("image");
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public void createTopic(String name, int partitions) {
    try (Admin admin = Admin.create(
        Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      TopicCreation.create(admin, name, partitions, TOPIC_TIMEOUT);
    }
  }

  @Override
  public void stop() {
    Assumptions.abort("stop() needs the embedded Kafka backend; this test runs on Testcontainers");
  }

  @Override
  public void restart() {
    Assumptions.abort(
        "restart() needs the embedded Kafka backend; this test runs on Testcontainers");
  }

  @Override
  public void close() {
    container.stop();
  }

  @Override
  public String toString() {
    return "Testcontainers Kafka " + container.getDockerImageName();
  }
}

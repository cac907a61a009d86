package io.statusguard.agent.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.config.InvalidConfigException;
import io.statusguard.agent.pipeline.EventSender;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaEventSenderTest {
  private static final String NETWORK_THREAD = "kafka-producer-network-thread | statusguard-agent";

  /**
   * The application's context class loader, which in the agent jar cannot see the relocated Kafka:
   * one that sees nothing at all.
   */
  private static ClassLoader blindLoader() {
    return new URLClassLoader(new URL[0], /* parent= */ null);
  }

  @Test
  void buildsTheProducerWithKafkasOwnLoaderAsContextAndGivesTheCallerItsOwnBack()
      throws InvalidConfigException {
    // JAAS loads the login module through the context class loader: a blind one would fail it.
    AgentConfig config = AgentConfig.parse("bootstrap.servers=127.0.0.1:9,"
        + "kafka.security.protocol=SASL_PLAINTEXT,kafka.sasl.mechanism=PLAIN,"
        + "kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
        + " username=\"svc\" password=\"pw\";", Map.of(), Map.of());
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    ClassLoader blind = blindLoader();
    thread.setContextClassLoader(blind);
    EventSender sender;
    try {
      sender = KafkaEventSender.create(config);
      assertThat(thread.getContextClassLoader()).isSameAs(blind);
    } finally {
      thread.setContextClassLoader(original);
    }

    try {
      assertThat(networkThread()).get()
          .extracting(Thread::getContextClassLoader)
          .isSameAs(KafkaEventSender.class.getClassLoader());
    } finally {
      sender.close(Duration.ZERO);
    }
  }

  private static Optional<Thread> networkThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals(NETWORK_THREAD)).findFirst();
  }
}

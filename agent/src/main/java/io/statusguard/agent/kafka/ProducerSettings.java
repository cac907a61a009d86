package io.statusguard.agent.kafka;

import io.statusguard.agent.config.AgentConfig;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka producer settings of the agent: small, quick to give up, invisible in the host application
 * (no JMX reporters, no metrics push), and overridable key by key with {@code kafka.*}. Settings that
 * name Kafka's own classes (a JAAS login module, a callback handler) are pointed at the copy of Kafka
 * the agent carries, whose package the shaded jar relocates. Stateless.
 */
final class ProducerSettings {
  static final String CLIENT_ID = "statusguard-agent";
  static final long LINGER_MS = 200;
  /** Room for a linger's worth of events (about 500 B each) at several thousand responses a second. */
  static final int BATCH_SIZE_BYTES = 256 * 1024;
  /**
   * Kafka's package as users write it. Built at run time: the shade plugin rewrites string constants
   * that look like a relocated package, and this one must stay as written.
   */
  static final String KAFKA_PACKAGE = String.join(".", "org", "apache", "kafka") + ".";
  /** Kafka's package as this agent carries it: relocated in the shaded jar, unchanged in tests. */
  static final String CARRIED_KAFKA_PACKAGE = carriedKafkaPackage();
  /** Kafka's package where it starts a class name, not where it is already part of the relocated one. */
  private static final Pattern KAFKA_CLASS_NAME =
      Pattern.compile("(?<![\\w.$])" + Pattern.quote(KAFKA_PACKAGE));

  private ProducerSettings() {}

  static Properties of(AgentConfig config) {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    // An event is worth one leader write; exactly-once would cost the app more than a lost event.
    settings.put(ProducerConfig.ACKS_CONFIG, "1");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    // Few, large produce requests: the network thread's cost is per request, not per record, and
    // the analyzer reads rates over seconds, so an event may wait this long for its batch.
    settings.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS));
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(BATCH_SIZE_BYTES));
    // The jar carries no codec but the JDK's gzip, which would cost the publisher more CPU per event
    // than the bytes it saves on a few large requests.
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(4L * 1024 * 1024));
    // Only the publisher thread ever blocks, and not for long: the queue in front of it absorbs bursts.
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
    settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    // The host application's JMX and its broker's telemetry are not ours to fill.
    settings.put(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
    settings.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, "false");
    for (Map.Entry<String, String> setting : config.kafkaProperties().entrySet()) {
      settings.put(setting.getKey(), toCarriedKafka(setting.getValue(), CARRIED_KAFKA_PACKAGE));
    }
    return settings;
  }

  /** {@code value} with each Kafka class name it holds moved to {@code carriedPackage}. */
  static String toCarriedKafka(String value, String carriedPackage) {
    if (KAFKA_PACKAGE.equals(carriedPackage)) {
      return value;
    }
    return KAFKA_CLASS_NAME.matcher(value).replaceAll(Matcher.quoteReplacement(carriedPackage));
  }

  private static String carriedKafkaPackage() {
    String producerConfig = ProducerConfig.class.getName();
    return producerConfig.substring(0,
        producerConfig.length() - "clients.producer.ProducerConfig".length());
  }
}

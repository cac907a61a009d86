package io.statusguard.agent.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the Kafka settings that are most often wrong and that can be checked without loading Kafka:
 * the security protocol and the key and trust store files. The producer checks the rest when it is
 * built, on the publisher thread. Messages name the setting and never show a value that could be a
 * credential. Stateless.
 */
final class KafkaSettingsCheck {
  static final Set<String> SECURITY_PROTOCOLS =
      Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  private static final Set<String> STORE_FILES =
      Set.of("ssl.truststore.location", "ssl.keystore.location");

  private KafkaSettingsCheck() {}

  /** Throws naming the first setting the producer could not work with; settings lack the prefix. */
  static void check(Map<String, String> settings) throws InvalidConfigException {
    String protocol = settings.get("security.protocol");
    if (protocol != null
        && !SECURITY_PROTOCOLS.contains(protocol.toUpperCase(Locale.ROOT))) {
      throw new InvalidConfigException(AgentConfig.KAFKA_PREFIX + "security.protocol must be one of "
          + "PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, got '" + protocol + "'");
    }
    String mechanism = settings.get("sasl.mechanism");
    if (mechanism != null && mechanism.isBlank()) {
      throw new InvalidConfigException(AgentConfig.KAFKA_PREFIX
          + "sasl.mechanism must name a SASL mechanism, e.g. PLAIN or SCRAM-SHA-512");
    }
    for (String key : STORE_FILES) {
      String location = settings.get(key);
      if (location != null) {
        requireReadableFile(key, location);
      }
    }
  }

  private static void requireReadableFile(String key, String location)
      throws InvalidConfigException {
    Path path;
    try {
      path = Paths.get(location);
    } catch (InvalidPathException e) {
      throw new InvalidConfigException(AgentConfig.KAFKA_PREFIX + key + " is not a valid path");
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new InvalidConfigException(AgentConfig.KAFKA_PREFIX + key + " " + location
          + " is not a readable file");
    }
  }
}

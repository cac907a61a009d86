package io.statusguard.testing;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Where a test's Kafka broker runs. */
public enum Backend {
  /**
   * As the system property or JUnit configuration parameter {@value #PROPERTY} says ({@code
   * embedded} or {@code testcontainers}), else {@link #EMBEDDED}.
   */
  DEFAULT,
  /** A KRaft broker in a child JVM, from statusguard-embedded-kafka: needs nothing but a JDK. */
  EMBEDDED,
  /**
   * Testcontainers' Kafka module with the apache/kafka image: test classes are skipped without
   * Docker.
   */
  TESTCONTAINERS;

  public static final String PROPERTY = "statusguard.test.kafka";

  /** This backend, with {@link #DEFAULT} replaced by what the configuration parameter names. */
  Backend resolve(Optional<String> configured) {
    if (this != DEFAULT) {
      return this;
    }
    if (configured.isEmpty() || configured.get().isBlank()) {
      return EMBEDDED;
    }
    String name = configured.get().trim().toUpperCase(Locale.ROOT);
    if (name.equals(EMBEDDED.name()) || name.equals(TESTCONTAINERS.name())) {
      return valueOf(name);
    }
    throw new ExtensionConfigurationException(
        PROPERTY + " must be 'embedded' or 'testcontainers', was '" + configured.get() + "'");
  }
}

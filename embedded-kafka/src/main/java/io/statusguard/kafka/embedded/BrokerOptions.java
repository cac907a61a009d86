package io.statusguard.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to start a {@link KafkaBroker}: its client port ({@code 0} picks a free one), its data
 * directory ({@code null} means a fresh temporary directory, deleted on close), how long startup
 * may take, and extra {@code server.properties} entries layered over the single-node defaults.
 * Immutable.
 */
public record BrokerOptions(
    int port, Path dataDir, Duration startTimeout, Map<String, String> extraServerProperties) {

  /**
   * Entries the broker's listeners, identity and storage layout depend on; KafkaBroker writes them.
   */
  static final Set<String> RESERVED_PROPERTIES =
      Set.of(
          "process.roles",
          "node.id",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "inter.broker.listener.name",
          "controller.listener.names",
          "controller.quorum.bootstrap.servers",
          "controller.quorum.voters",
          "log.dir",
          "log.dirs",
          "metadata.log.dir");

  private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

  public BrokerOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
    }
    Objects.requireNonNull(startTimeout, "startTimeout");
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
    }
    Objects.requireNonNull(extraServerProperties, "extraServerProperties");
    for (String key : extraServerProperties.keySet()) {
      if (RESERVED_PROPERTIES.contains(key)) {
        throw new IllegalArgumentException(
            "extraServerProperties may not set '" + key + "': KafkaBroker writes it itself");
      }
    }
    extraServerProperties = Map.copyOf(extraServerProperties);
  }

  /** Any free port, a temporary data directory, 90 seconds to start, no extra properties. */
  public static BrokerOptions defaults() {
    return new BrokerOptions(0, null, DEFAULT_START_TIMEOUT, Map.of());
  }

  public BrokerOptions withPort(int port) {
    return new BrokerOptions(port, dataDir, startTimeout, extraServerProperties);
  }

  /**
   * A directory that outlives the broker: close() leaves it in place, and a later start reuses it.
   */
  public BrokerOptions withDataDir(Path dataDir) {
    return new BrokerOptions(port, dataDir, startTimeout, extraServerProperties);
  }

  public BrokerOptions withStartTimeout(Duration startTimeout) {
    return new BrokerOptions(port, dataDir, startTimeout, extraServerProperties);
  }

  public BrokerOptions withExtraServerProperties(Map<String, String> extraServerProperties) {
    return new BrokerOptions(port, dataDir, startTimeout, extraServerProperties);
  }

  /** Adds (or replaces) one extra {@code server.properties} entry. */
  public BrokerOptions withServerProperty(String key, String value) {
    Map<String, String> merged = new LinkedHashMap<>(extraServerProperties);
    merged.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return withExtraServerProperties(merged);
  }
}

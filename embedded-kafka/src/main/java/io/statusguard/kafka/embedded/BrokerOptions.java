package io.statusguard.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to start a {@link KafkaBroker}: its client port ({@code 0} picks a free one), its data
 * directory ({@code null} means a fresh temporary directory, deleted on close), how long startup
 * may take, extra {@code server.properties} entries layered over the single-node defaults, and the
 * users of an optional second listener that requires SASL/PLAIN ({@link
 * KafkaBroker#saslPlainBootstrapServers()}), for clients that must authenticate. Immutable.
 */
public record BrokerOptions(
    int port,
    Path dataDir,
    Duration startTimeout,
    Map<String, String> extraServerProperties,
    Map<String, String> saslPlainUsers) {

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
          "metadata.log.dir",
          "sasl.enabled.mechanisms");

  /** What a SASL/PLAIN user name may hold: it is written into a JAAS configuration unquoted. */
  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

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
    Objects.requireNonNull(saslPlainUsers, "saslPlainUsers");
    for (Map.Entry<String, String> user : saslPlainUsers.entrySet()) {
      if (!USER_NAME.matcher(user.getKey()).matches()) {
        throw new IllegalArgumentException(
            "SASL/PLAIN user names are 1-64 characters of [A-Za-z0-9._-], was " + user.getKey());
      }
      if (user.getValue().isEmpty() || user.getValue().contains("\"")
          || user.getValue().contains("\\")) {
        throw new IllegalArgumentException(
            "The password of SASL/PLAIN user " + user.getKey() + " must be non-empty, without quotes"
                + " or backslashes");
      }
    }
    saslPlainUsers = Map.copyOf(saslPlainUsers);
  }

  /** Options without SASL/PLAIN users, as before they existed. */
  public BrokerOptions(
      int port, Path dataDir, Duration startTimeout, Map<String, String> extraServerProperties) {
    this(port, dataDir, startTimeout, extraServerProperties, Map.of());
  }

  /** Any free port, a temporary data directory, 90 seconds to start, no extra properties. */
  public static BrokerOptions defaults() {
    return new BrokerOptions(0, null, DEFAULT_START_TIMEOUT, Map.of(), Map.of());
  }

  public BrokerOptions withPort(int port) {
    return new BrokerOptions(port, dataDir, startTimeout, extraServerProperties, saslPlainUsers);
  }

  /**
   * A directory that outlives the broker: close() leaves it in place, and a later start reuses it.
   */
  public BrokerOptions withDataDir(Path dataDir) {
    return new BrokerOptions(port, dataDir, startTimeout, extraServerProperties, saslPlainUsers);
  }

  public BrokerOptions withStartTimeout(Duration startTimeout) {
    return new BrokerOptions(port, dataDir, startTimeout, extraServerProperties, saslPlainUsers);
  }

  public BrokerOptions withExtraServerProperties(Map<String, String> extraServerProperties) {
    return new BrokerOptions(port, dataDir, startTimeout, extraServerProperties, saslPlainUsers);
  }

  /**
   * Adds (or replaces) a user of the SASL/PLAIN listener, which the broker opens beside its plain one
   * as soon as it has a user.
   */
  public BrokerOptions withSaslPlainUser(String user, String password) {
    Map<String, String> users = new LinkedHashMap<>(saslPlainUsers);
    users.put(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"));
    return new BrokerOptions(port, dataDir, startTimeout, extraServerProperties, users);
  }

  /** Adds (or replaces) one extra {@code server.properties} entry. */
  public BrokerOptions withServerProperty(String key, String value) {
    Map<String, String> merged = new LinkedHashMap<>(extraServerProperties);
    merged.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return withExtraServerProperties(merged);
  }
}

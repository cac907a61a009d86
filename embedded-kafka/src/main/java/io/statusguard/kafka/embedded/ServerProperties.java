package io.statusguard.kafka.embedded;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code server.properties} of a single-node KRaft broker that is both controller and broker,
 * listening on 127.0.0.1 only (plain, and with SASL/PLAIN when it has users) and sized small for a
 * shared two-core machine. Stateless.
 */
final class ServerProperties {
  private static final String NODE_ID = "1";

  private ServerProperties() {}

  static Map<String, String> of(
      int port, int controllerPort, Path kafkaLogDirs, Map<String, String> extra) {
    return of(port, controllerPort, 0, Map.of(), kafkaLogDirs, extra);
  }

  /** As above, plus a SASL/PLAIN listener on {@code saslPort} for {@code saslUsers}, if any. */
  static Map<String, String> of(
      int port,
      int controllerPort,
      int saslPort,
      Map<String, String> saslUsers,
      Path kafkaLogDirs,
      Map<String, String> extra) {
    String controller = LocalPorts.HOST + ":" + controllerPort;
    String plain = "PLAINTEXT://" + LocalPorts.HOST + ":" + port;
    String sasl = saslUsers.isEmpty() ? "" : ",SASL_PLAINTEXT://" + LocalPorts.HOST + ":" + saslPort;
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("process.roles", "broker,controller");
    properties.put("node.id", NODE_ID);
    properties.put("listeners", plain + sasl + ",CONTROLLER://" + controller);
    properties.put("advertised.listeners", plain + sasl);
    properties.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
            + (saslUsers.isEmpty() ? "" : ",SASL_PLAINTEXT:SASL_PLAINTEXT"));
    if (!saslUsers.isEmpty()) {
      properties.put("sasl.enabled.mechanisms", "PLAIN");
      properties.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", plainJaas(saslUsers));
    }
    properties.put("inter.broker.listener.name", "PLAINTEXT");
    properties.put("controller.listener.names", "CONTROLLER");
    properties.put("controller.quorum.bootstrap.servers", controller);
    properties.put("log.dirs", kafkaLogDirs.toString());

    // One broker: every internal topic must accept a replication factor and min ISR of 1, or its
    // creation fails and consumers silently receive nothing.
    properties.put("default.replication.factor", "1");
    properties.put("min.insync.replicas", "1");
    properties.put("offsets.topic.replication.factor", "1");
    properties.put("transaction.state.log.replication.factor", "1");
    properties.put("transaction.state.log.min.isr", "1");
    properties.put("share.coordinator.state.topic.replication.factor", "1");
    properties.put("share.coordinator.state.topic.min.isr", "1");
    properties.put("group.initial.rebalance.delay.ms", "0");

    // Small footprint: few partitions for internal topics, few threads, a small log-cleaner buffer
    // (its 128 MiB default would take a quarter of the heap).
    properties.put("num.partitions", "1");
    properties.put("offsets.topic.num.partitions", "1");
    properties.put("transaction.state.log.num.partitions", "1");
    properties.put("share.coordinator.state.topic.num.partitions", "1");
    properties.put("num.network.threads", "2");
    properties.put("num.io.threads", "2");
    properties.put("background.threads", "2");
    properties.put("num.recovery.threads.per.data.dir", "1");
    properties.put("num.replica.fetchers", "1");
    properties.put("log.cleaner.threads", "1");
    properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));

    properties.putAll(extra);
    return properties;
  }

  /** The broker side of SASL/PLAIN: one {@code user_<name>="<password>"} option per user. */
  private static String plainJaas(Map<String, String> users) {
    StringBuilder jaas =
        new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
    users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"")
        .append(password).append('"'));
    return jaas.append(';').toString();
  }

  static void write(Map<String, String> entries, Path file) throws IOException {
    Properties properties = new Properties();
    properties.putAll(entries);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, "Written by statusguard KafkaBroker; rewritten at every start");
    }
  }

  /** The controller port of an earlier start, which the formatted metadata log remembers. */
  static int controllerPort(Path file) throws IOException {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    String bootstrap = properties.getProperty("controller.quorum.bootstrap.servers", "");
    int colon = bootstrap.lastIndexOf(':');
    if (colon < 0) {
      throw new IOException("No controller.quorum.bootstrap.servers in " + file);
    }
    try {
      return Integer.parseInt(bootstrap.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IOException(
          "Bad controller.quorum.bootstrap.servers in " + file + ": " + bootstrap, e);
    }
  }
}

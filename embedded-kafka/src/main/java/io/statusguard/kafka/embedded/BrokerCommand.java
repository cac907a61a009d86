package io.statusguard.kafka.embedded;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Command lines for the child JVMs: the storage format step and the broker itself. Immutable. */
final class BrokerCommand {
  /** Small and single-threaded-GC, for a machine shared with builds and other brokers. */
  private static final List<String> BROKER_JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx512m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:+ExitOnOutOfMemoryError",
          "-Djava.awt.headless=true");

  private static final List<String> TOOL_JVM_OPTIONS =
      List.of(
          "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

  private final Path java;
  private final List<Path> brokerClasspath;
  private final DataDirLayout layout;

  private BrokerCommand(Path java, List<Path> brokerClasspath, DataDirLayout layout) {
    this.java = java;
    this.brokerClasspath = brokerClasspath;
    this.layout = layout;
  }

  /** Runs the child JVMs on the same Java runtime as this one. */
  static BrokerCommand of(List<Path> brokerClasspath, DataDirLayout layout) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new BrokerCommand(java, List.copyOf(brokerClasspath), layout);
  }

  List<String> formatStorage(String clusterId) {
    List<String> command = jvm(TOOL_JVM_OPTIONS, brokerClasspath);
    command.addAll(
        List.of(
            "kafka.tools.StorageTool",
            "format",
            "--cluster-id",
            clusterId,
            "--config",
            layout.serverProperties().toString(),
            "--standalone"));
    return command;
  }

  List<String> runBroker() {
    List<Path> classpath = new ArrayList<>();
    classpath.add(layout.launcherClasses());
    classpath.addAll(brokerClasspath);
    List<String> command = jvm(BROKER_JVM_OPTIONS, classpath);
    command.addAll(
        List.of(
            OrphanWatchdog.class.getName(), "kafka.Kafka", layout.serverProperties().toString()));
    return command;
  }

  private List<String> jvm(List<String> options, List<Path> classpath) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(options);
    command.add("-Dlog4j2.configurationFile=" + layout.log4jConfig());
    command.add("-Dstatusguard.broker.log=" + layout.logFile());
    command.add("-cp");
    command.add(
        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    return command;
  }
}

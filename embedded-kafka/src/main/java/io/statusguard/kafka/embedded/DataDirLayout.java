package io.statusguard.kafka.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where a broker keeps each of its files inside its data directory. Immutable. */
record DataDirLayout(Path root) {

  static DataDirLayout at(Path root) {
    return new DataDirLayout(root.toAbsolutePath().normalize());
  }

  /** Kafka's log.dirs, which also holds the KRaft metadata log. */
  Path kafkaLogDirs() {
    return root.resolve("kafka");
  }

  /** Written by the storage format step; its presence means the directory is formatted. */
  Path metaProperties() {
    return kafkaLogDirs().resolve("meta.properties");
  }

  Path serverProperties() {
    return root.resolve("server.properties");
  }

  Path log4jConfig() {
    return root.resolve("log4j2.xml");
  }

  /** A classpath root holding only the orphan watchdog's class file. */
  Path launcherClasses() {
    return root.resolve("launcher");
  }

  /** The broker's own log, written by Log4j with size-bounded rolling. */
  Path logFile() {
    return root.resolve("broker.log");
  }

  /** The child JVM's raw stdout and stderr: JVM errors and the storage tool's messages. */
  Path consoleFile() {
    return root.resolve("broker-console.log");
  }

  void deleteRecursively() throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> deepestFirst;
    try (Stream<Path> paths = Files.walk(root)) {
      deepestFirst = paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
    }
    for (Path path : deepestFirst) {
      Files.deleteIfExists(path);
    }
  }
}

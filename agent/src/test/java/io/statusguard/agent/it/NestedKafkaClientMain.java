package io.statusguard.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * An application that waits (at most 60 s) until the agent has built its Kafka producer, then prints
 * whether it can load the agent's Kafka classes itself, and which files the agent unpacked into
 * {@code java.io.tmpdir}, with their permissions.
 */
public final class NestedKafkaClientMain {
  static final String NETWORK_THREAD = "kafka-producer-network-thread | statusguard-agent";
  static final String CARRIED_PRODUCER =
      "io.statusguard.agent.shaded.org.apache.kafka.clients.producer.KafkaProducer";

  private NestedKafkaClientMain() {}

  public static void main(String[] args) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (Thread.getAllStackTraces().keySet().stream()
        .noneMatch(thread -> thread.getName().equals(NETWORK_THREAD))) {
      if (System.nanoTime() - deadline > 0) {
        System.out.println("no producer within 60 s");
        return;
      }
      Thread.sleep(50);
    }
    System.out.println("application sees the agent's Kafka: " + loads(CARRIED_PRODUCER));
    try (Stream<Path> files = Files.list(Paths.get(System.getProperty("java.io.tmpdir")))) {
      files.filter(file -> file.getFileName().toString().startsWith("statusguard-kafka-client-"))
          .forEach(file -> System.out.println("unpacked: " + permissions(file)));
    }
  }

  private static boolean loads(String className) {
    try {
      Class.forName(className, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static String permissions(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (IOException e) {
      return e.toString();
    }
  }
}

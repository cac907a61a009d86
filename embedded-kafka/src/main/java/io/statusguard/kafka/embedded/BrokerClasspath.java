package io.statusguard.kafka.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The broker JVM's classpath, listed at build time by maven-dependency-plugin into a resource
 * beside this class: the jars of kafka_2.13 and its logging backend in the local Maven repository,
 * and none of the caller's classpath. Stateless and thread-safe.
 */
final class BrokerClasspath {
  private static final String RESOURCE = "broker.classpath";

  private BrokerClasspath() {}

  /** The classpath, checked so that a jar missing from this machine fails here and says which. */
  static List<Path> load() throws IOException {
    String listing;
    try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(
            "Resource "
                + RESOURCE
                + " is missing: statusguard-embedded-kafka was not built by Maven");
      }
      listing = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    List<Path> jars = new ArrayList<>();
    for (String entry : listing.split(File.pathSeparator)) {
      Path jar = Path.of(entry.trim());
      if (!Files.isRegularFile(jar)) {
        throw new IOException(
            "The Kafka broker's jar "
                + jar
                + " is missing. The broker classpath was listed when statusguard-embedded-kafka was"
                + " built; rebuild it on this machine (mvn install) so that Maven fetches the"
                + " jars.");
      }
      jars.add(jar);
    }
    return List.copyOf(jars);
  }
}

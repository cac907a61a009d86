package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestedJarClassLoaderTest {
  private static final String VERSION_FILE = "kafka/kafka-version.properties";

  @TempDir Path folder;

  @Test
  void readsItsOwnKafkaVersionFileEvenWhenTheApplicationCarriesAnother() throws IOException {
    URL applicationJar = jarWith("application.jar", VERSION_FILE, "version=3.6.2");
    URL agentsKafka = jarWith("kafka-client.jar", VERSION_FILE, "version=4.4.0");

    try (URLClassLoader application = new URLClassLoader(new URL[] {applicationJar}, null);
        KafkaClientLoader.NestedJarClassLoader kafka =
            new KafkaClientLoader.NestedJarClassLoader(agentsKafka, application);
        InputStream in = kafka.getResourceAsStream(VERSION_FILE)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("version=4.4.0");
    }
  }

  @Test
  void findsWhatItDoesNotHoldThroughItsParent() throws IOException {
    URL applicationJar = jarWith("application.jar", "application.properties", "name=payments");
    URL agentsKafka = jarWith("kafka-client.jar", VERSION_FILE, "version=4.4.0");

    try (URLClassLoader application = new URLClassLoader(new URL[] {applicationJar}, null);
        KafkaClientLoader.NestedJarClassLoader kafka =
            new KafkaClientLoader.NestedJarClassLoader(agentsKafka, application)) {
      assertThat(kafka.getResource("application.properties")).isNotNull();
    }
  }

  private URL jarWith(String name, String entry, String content) throws IOException {
    Path jar = folder.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(entry));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar.toUri().toURL();
  }
}

package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.Run;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent jar as the build leaves it: at most 6 MB (issue 3), Kafka only inside its nested jar,
 * which the agent unpacks privately when it first needs a producer and which the application never
 * sees, and the debug attributes each part keeps.
 */
class AgentJarIT {
  /** 6 MB, read the stricter way. */
  private static final long MAX_BYTES = 6_000_000;
  private static final String NESTED_JAR = "META-INF/statusguard/kafka-client.jar";
  private static final String SHADED = "io/statusguard/agent/shaded/";
  private static final String KAFKA = SHADED + "org/apache/kafka/";

  @TempDir
  Path folder;

  @Test
  void isAtMostSixMegabytes() throws IOException {
    assertThat(Files.size(ChildJvm.agentJar())).isLessThanOrEqualTo(MAX_BYTES);
  }

  @Test
  void carriesKafkaAndItsOwnKafkaPackageOnlyInsideTheNestedJar() throws IOException {
    try (ZipFile agent = new ZipFile(ChildJvm.agentJar().toFile());
        ZipFile nested = nestedJar(agent)) {
      assertThat(names(agent)).contains(NESTED_JAR,
          "io/statusguard/agent/pipeline/KafkaClientLoader.class",
          SHADED + "net/bytebuddy/agent/builder/AgentBuilder.class")
          .noneMatch(name -> name.startsWith(KAFKA) || name.startsWith(SHADED + "org/slf4j/")
              || name.startsWith("io/statusguard/agent/kafka/"));
      assertThat(names(nested)).contains(KAFKA + "clients/producer/KafkaProducer.class",
          KAFKA + "common/security/plain/PlainLoginModule.class",
          "io/statusguard/agent/kafka/KafkaEventSender.class", "kafka/kafka-version.properties")
          .allMatch(name -> name.startsWith(KAFKA) || name.startsWith(SHADED + "org/slf4j/")
              || name.startsWith("io/statusguard/agent/kafka/") || name.startsWith("kafka/")
              || name.startsWith("META-INF/services/io.statusguard.agent.shaded."));
    }
  }

  @Test
  void keepsItsOwnDebugInfoAndDropsMostOfWhatItCarries() throws IOException {
    try (ZipFile agent = new ZipFile(ChildJvm.agentJar().toFile());
        ZipFile nested = nestedJar(agent)) {
      String own = classFile(agent, "io/statusguard/agent/pipeline/EventPublisher.class");
      assertThat(own).contains("LocalVariableTable", "LineNumberTable", "EventPublisher.java");
      String ownKafkaFacing =
          classFile(nested, "io/statusguard/agent/kafka/KafkaEventSender.class");
      assertThat(ownKafkaFacing).contains("LocalVariableTable", "LineNumberTable");

      String byteBuddy =
          classFile(agent, SHADED + "net/bytebuddy/agent/builder/AgentBuilder$Default.class");
      assertThat(byteBuddy).doesNotContain("LocalVariableTable")
          .contains("LineNumberTable", "AgentBuilder.java");
      String kafka = classFile(nested, KAFKA + "clients/producer/KafkaProducer.class");
      assertThat(kafka).doesNotContain("LocalVariableTable", "LineNumberTable")
          .contains("KafkaProducer.java");
    }
  }

  @Test
  void unpacksKafkaPrivatelyOutOfTheApplicationsSightAndDeletesItAtExit() throws Exception {
    Path tmp = Files.createDirectories(folder.resolve("tmp"));

    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, "bootstrap.servers=127.0.0.1:" + freePort()
        + ",heartbeat.interval.ms=1000,flush.timeout.ms=500")
        .withJvmArguments("-Djava.io.tmpdir=" + tmp)
        .run("nested-kafka-client", NestedKafkaClientMain.class);

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).containsExactly("application sees the agent's Kafka: false",
        "unpacked: rw-------");
    assertThat(run.otherStderrLines()).isEmpty();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("files left in java.io.tmpdir").isEmpty();
    }
  }

  private ZipFile nestedJar(ZipFile agent) throws IOException {
    Path nested = folder.resolve("kafka-client.jar");
    try (InputStream in = agent.getInputStream(agent.getEntry(NESTED_JAR))) {
      Files.copy(in, nested);
    }
    return new ZipFile(nested.toFile());
  }

  private static List<String> names(ZipFile jar) {
    return Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
  }

  /** A class file as text: attribute and source file names are plain strings in its constants. */
  private static String classFile(ZipFile jar, String name) throws IOException {
    ZipEntry entry = jar.getEntry(name);
    assertThat(entry).as(name).isNotNull();
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

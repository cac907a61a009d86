package io.statusguard.agent.isolation.conflicting;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.PublishedEvent;
import io.statusguard.agent.testsupport.Run;
import io.statusguard.testing.TestKafka;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The agent in an application that carries its own, older kafka-clients, Jackson and Byte Buddy
 * and uses all three throughout its run ({@link ConflictingLibrariesApp}), on a class path of its
 * own: every call must be recorded exactly as in any other application, and the application's own
 * work must succeed on its own versions of those libraries, with the agent as without it.
 */
class ConflictingLibrariesIT extends AbstractHttpClientIT {
  private static final String KAFKA = System.getProperty("statusguard.it.kafka.version");
  private static final String JACKSON = System.getProperty("statusguard.it.jackson.version");
  private static final String BYTE_BUDDY = System.getProperty("statusguard.it.bytebuddy.version");

  @Override
  protected Class<?> scenarioMain() {
    return ConflictingLibrariesApp.class;
  }

  @Override
  protected String library() {
    return "jdk-httpclient";
  }

  @Override
  protected List<String> modes() {
    return List.of("httpclient");
  }

  /**
   * Runs the application on its own class path, checks its own work, and hands the scenario lines
   * on: each library came from the application's own jar, and each call's audit record made the
   * round trip through Kafka with the outcome the scenario printed.
   */
  @Override
  protected Run runApplication(ChildJvm jvm, String name, String mode, TestKafka kafka)
      throws Exception {
    Run run = jvm.withClassPath(applicationClassPath())
        .run(name, ConflictingLibrariesApp.class, mode, kafka.bootstrapServers(), "audit." + name);
    assertThat(run.exitCode()).as(String.join("\n", run.stderr())).isZero();
    List<String> ownWork = new ArrayList<>();
    List<String> scenarioLines = new ArrayList<>();
    for (String line : run.stdout()) {
      if (line.startsWith(ConflictingLibrariesApp.OWN_WORK)) {
        ownWork.add(line.substring(ConflictingLibrariesApp.OWN_WORK.length()));
      } else {
        scenarioLines.add(line);
      }
    }
    Run scenarios = new Run(run.exitCode(), scenarioLines, run.stderr(), run.exitedAtMillis());

    assertThat(ownWork).startsWith(
        "kafka-clients " + KAFKA + " from kafka-clients-" + KAFKA + ".jar",
        "jackson-databind " + JACKSON + " from jackson-databind-" + JACKSON + ".jar",
        "byte-buddy from byte-buddy-" + BYTE_BUDDY + ".jar");
    List<String> audited = ownWork.stream()
        .filter(line -> line.startsWith("audit "))
        .map(line -> PublishedEvent.tree(line.substring("audit ".length())).path("outcome").asText())
        .toList();
    List<String> printed = scenarios.outcomes().stream()
        .map(line -> line.substring(line.indexOf(": ") + 2))
        .toList();
    assertThat(audited).isEqualTo(printed);
    return scenarios;
  }

  /** The application's classes, and its runtime dependencies as the build listed them. */
  private static List<Path> applicationClassPath() throws IOException {
    String listed = Files.readString(
        Paths.get(System.getProperty("statusguard.it.application.classpath")),
        StandardCharsets.UTF_8).trim();
    return Stream.concat(
            Stream.of(System.getProperty("statusguard.it.application.classes")),
            Stream.of(listed.split(File.pathSeparator)))
        .map(Paths::get)
        .toList();
  }
}

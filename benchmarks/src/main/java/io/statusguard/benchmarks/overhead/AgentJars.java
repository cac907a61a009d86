package io.statusguard.benchmarks.overhead;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the two agents' jars are. The build copies them into {@code benchmarks/target/agents}: the
 * statusguard agent from this build, the OpenTelemetry agent from Maven Central.
 */
public record AgentJars(Path statusguard, Path openTelemetry) {
  static final String STATUSGUARD_JAR = "statusguard-agent.jar";
  static final String OPENTELEMETRY_JAR = "opentelemetry-javaagent.jar";

  /** The jars as the build leaves them in {@code <buildDirectory>/agents}. */
  public static AgentJars in(Path buildDirectory) {
    Path agents = buildDirectory.resolve("agents");
    return new AgentJars(agents.resolve(STATUSGUARD_JAR), agents.resolve(OPENTELEMETRY_JAR));
  }

  /** Throws {@link IllegalStateException} naming the first jar that is not there. */
  public AgentJars requireExisting() {
    for (Path jar : new Path[] {statusguard, openTelemetry}) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing: build it with "
            + "'mvn -pl benchmarks -am package -DskipTests', or name the jar with an option");
      }
    }
    return this;
  }
}

package io.statusguard.demo;

import io.statusguard.demo.client.Scenario;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How to start the sample payments client's JVM: which java, which agent jar with which arguments, and
 * the provider it talks to.
 *
 * @param javaHome the JDK that runs the client
 * @param agentJar the statusguard agent jar, attached with {@code -javaagent}
 * @param agentArguments the agent's {@code key=value} arguments
 * @param providerUri the provider (or simulator) base URI
 * @param bearerToken the provider credential (it never leaves the client's JVM)
 * @param clientId the provider ClientID
 * @param scenario what the client does
 */
public record ClientLaunch(
    Path javaHome, Path agentJar, Map<String, String> agentArguments, URI providerUri, String bearerToken,
    String clientId, Scenario scenario) {

  /** The system property that names the agent jar; the demo and the tests set it. */
  public static final String AGENT_JAR_PROPERTY = "statusguard.agent.jar";

  public ClientLaunch {
    Objects.requireNonNull(javaHome, "javaHome");
    Objects.requireNonNull(agentJar, "agentJar");
    agentArguments = Map.copyOf(agentArguments);
    Objects.requireNonNull(providerUri, "providerUri");
    Objects.requireNonNull(bearerToken, "bearerToken");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(scenario, "scenario");
    if (!Files.isRegularFile(agentJar)) {
      throw new IllegalArgumentException("no agent jar at " + agentJar + ": build it with mvn package");
    }
  }

  /** The running JVM's own java, the agent jar named by {@value #AGENT_JAR_PROPERTY}. */
  public static ClientLaunch of(
      Map<String, String> agentArguments, URI providerUri, String bearerToken, String clientId, Scenario scenario) {
    return new ClientLaunch(Path.of(System.getProperty("java.home")), agentJarFromSystemProperty(),
        agentArguments, providerUri, bearerToken, clientId, scenario);
  }

  public ClientLaunch withJavaHome(Path javaHome) {
    return new ClientLaunch(javaHome, agentJar, agentArguments, providerUri, bearerToken, clientId, scenario);
  }

  public ClientLaunch withAgentArgument(String key, String value) {
    Map<String, String> arguments = new TreeMap<>(agentArguments);
    arguments.put(key, value);
    return new ClientLaunch(javaHome, agentJar, arguments, providerUri, bearerToken, clientId, scenario);
  }

  /** The {@code -javaagent:} option: the jar, then the arguments as {@code k=v,k=v} in key order. */
  String javaAgentOption() {
    String arguments = new TreeMap<>(agentArguments).entrySet().stream()
        .map(e -> e.getKey() + '=' + e.getValue())
        .collect(Collectors.joining(","));
    return "-javaagent:" + agentJar.toAbsolutePath() + (arguments.isEmpty() ? "" : "=" + arguments);
  }

  static Path agentJarFromSystemProperty() {
    String jar = System.getProperty(AGENT_JAR_PROPERTY);
    if (jar == null || jar.isBlank()) {
      throw new IllegalStateException("system property " + AGENT_JAR_PROPERTY + " must name the agent jar");
    }
    return Path.of(jar);
  }
}

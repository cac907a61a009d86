package io.statusguard.agent.testsupport;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What one child JVM printed, and when it exited (wall-clock milliseconds, as this JVM saw it). */
public record Run(int exitCode, List<String> stdout, List<String> stderr, long exitedAtMillis) {
  public Run {
    stdout = List.copyOf(stdout);
    stderr = List.copyOf(stderr);
  }

  public int stubPort() {
    return port("stub=");
  }

  public int deadPort() {
    return port("dead=");
  }

  public int tlsPort() {
    return port("tls=");
  }

  private int port(String name) {
    String ports = stdout.stream().filter(line -> line.startsWith("PORTS ")).findFirst()
        .orElseThrow(() -> new AssertionError("no PORTS line in " + stdout + " / " + stderr));
    for (String field : ports.split(" ")) {
      if (field.startsWith(name)) {
        return Integer.parseInt(field.substring(name.length()));
      }
    }
    throw new AssertionError("no " + name + " in " + ports);
  }

  /** The scenario outcomes, which must not depend on whether the agent is there. */
  public List<String> outcomes() {
    return scenarioLines().filter(line -> !line.startsWith(ScenarioApp.CAUSES)).toList();
  }

  /**
   * The outcomes, each exception's with its causes and their messages (which name ports and so differ
   * from run to run): what an assertion on {@link #outcomes} shows when it fails.
   */
  public String describeOutcomes() {
    return scenarioLines().collect(Collectors.joining(System.lineSeparator()));
  }

  private Stream<String> scenarioLines() {
    return stdout.stream().filter(line -> !line.startsWith("PORTS ") && !line.startsWith("DONE "));
  }

  /** Milliseconds from the end of {@link ScenarioApp#run} to the process's exit. */
  public long exitDelayMillis() {
    return exitedAtMillis - doneMillis();
  }

  /** The wall-clock time at which {@link ScenarioApp#run} returned, as the child saw it. */
  public long doneMillis() {
    String done = stdout.stream().filter(line -> line.startsWith("DONE ")).findFirst()
        .orElseThrow(() -> new AssertionError("no DONE line in " + stdout + " / " + stderr));
    return Long.parseLong(done.substring("DONE ".length()));
  }

  /**
   * What the JVM printed to stderr besides the agent's own lines and the JVM's notice that class
   * data sharing is limited once the bootstrap class path was appended to (printed for every agent
   * that injects bootstrap classes).
   */
  public List<String> otherStderrLines() {
    return stderr.stream()
        .filter(line -> !line.startsWith("[statusguard]"))
        .filter(line -> !line.contains("Sharing is only supported for boot loader classes"))
        .toList();
  }

  public List<String> agentLines() {
    return stderr.stream().filter(line -> line.startsWith("[statusguard]")).toList();
  }

  /** The agent's last line, {@code [statusguard] agent stopped: ...}. */
  public String summary() {
    return stderr.stream().filter(line -> line.startsWith("[statusguard] agent stopped: "))
        .findFirst().orElseThrow(() -> new AssertionError("no summary line in " + stderr));
  }
}

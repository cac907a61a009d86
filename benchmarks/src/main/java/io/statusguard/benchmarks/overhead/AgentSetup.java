package io.statusguard.benchmarks.overhead;

import java.util.List;

/** The three ways the harness runs the workload: bare, with statusguard's agent, with OpenTelemetry's. */
public enum AgentSetup {
  NONE("no agent"),
  /** Sending to the harness's Kafka broker, as in production. */
  STATUSGUARD("statusguard"),
  /** Instrumentation on, every exporter off: the agent's own cost without a backend. */
  OPENTELEMETRY("OpenTelemetry");

  static final String SERVICE_NAME = "overhead-harness";

  private final String title;

  AgentSetup(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The JVM arguments that attach this setup's agent. */
  public List<String> jvmArguments(AgentJars jars, String bootstrapServers) {
    switch (this) {
      case NONE:
        return List.of();
      case STATUSGUARD:
        return List.of("-javaagent:" + jars.statusguard() + "=bootstrap.servers=" + bootstrapServers
            + ",service.name=" + SERVICE_NAME);
      case OPENTELEMETRY:
        return List.of("-javaagent:" + jars.openTelemetry(),
            "-Dotel.traces.exporter=none",
            "-Dotel.metrics.exporter=none",
            "-Dotel.logs.exporter=none",
            "-Dotel.service.name=" + SERVICE_NAME);
      default:
        throw new AssertionError(this);
    }
  }
}

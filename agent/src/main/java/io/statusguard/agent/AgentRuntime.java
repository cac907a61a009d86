package io.statusguard.agent;

import io.statusguard.agent.body.CapturePolicy;
import io.statusguard.agent.body.PendingBodies;
import io.statusguard.agent.bootstrap.ResponseSinks;
import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.health.AgentHealth;
import io.statusguard.agent.instrumentation.InstrumentationInstaller;
import io.statusguard.agent.instrumentation.ResponseRecorder;
import io.statusguard.agent.pipeline.AgentCounters;
import io.statusguard.agent.pipeline.EventPublisher;
import io.statusguard.agent.pipeline.Heartbeats;
import io.statusguard.agent.pipeline.ObservationQueue;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;

/**
 * The running agent: wires queue, publisher, heartbeats, health MXBean and instrumentation together,
 * and at JVM exit flushes for at most {@code flush.timeout.ms} and prints the one summary line. Loaded
 * only after the bootstrap classes were injected, since it refers to them.
 */
final class AgentRuntime implements EventPublisher.Listener {
  static final String SHUTDOWN_THREAD_NAME = "statusguard-shutdown";

  private final AgentConfig config;
  private final AgentCounters counters;
  private final EventPublisher publisher;
  private final AgentHealth health;
  private final PrintStream err;

  private AgentRuntime(AgentConfig config, PrintStream err) {
    this.config = config;
    this.err = err;
    this.counters = new AgentCounters();
    long startNanos = System.nanoTime();
    String version = version();
    ObservationQueue queue = new ObservationQueue(config.queueCapacity(), counters);
    PendingBodies pendingBodies = PendingBodies.create(config.bodyWaitMs(), queue);
    this.publisher = EventPublisher.create(config, queue, pendingBodies, counters,
        Heartbeats.of(config, counters, version, startNanos), this, err);
    this.health = AgentHealth.of(config, counters, publisher::deliveryFailing, startNanos, version,
        err);
    ResponseSinks.activate(new ResponseRecorder(queue,
        config.bodyCapture() ? CapturePolicy.hosts(publisher::isProfiledHost) : CapturePolicy.NONE,
        pendingBodies));
  }

  static AgentRuntime start(AgentConfig config, Instrumentation instrumentation, PrintStream err) {
    AgentRuntime runtime = new AgentRuntime(config, err);
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::stop, SHUTDOWN_THREAD_NAME));
    runtime.publisher.start();
    InstrumentationInstaller.install(instrumentation, ResponseSinks.class,
        InstrumentationInstaller.builtIn(), err);
    return runtime;
  }

  @Override
  public void active() {
    health.register();
  }

  @Override
  public void rejected(String reason) {
    ResponseSinks.deactivate();
    err.println(StatusguardAgent.DISABLED + reason);
  }

  private void stop() {
    try {
      publisher.stop(config.flushTimeoutMs());
      ResponseSinks.deactivate();
      health.unregister();
      err.println(counters.stoppedLine());
    } catch (Throwable t) {
      // A shutdown hook that throws would print a stack trace into the application's output.
    }
  }

  /** The version in the agent jar's manifest, or null when running from classes (tests). */
  private static String version() {
    Package agentPackage = AgentRuntime.class.getPackage();
    return agentPackage == null ? null : agentPackage.getImplementationVersion();
  }
}

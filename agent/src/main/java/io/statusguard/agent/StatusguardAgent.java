package io.statusguard.agent;

import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.config.InvalidConfigException;
import io.statusguard.agent.config.SecretMask;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}). It reads the configuration,
 * puts the bootstrap classes on the bootstrap class path, and hands over to {@link AgentRuntime}; it
 * never lets a {@link Throwable} out, so a broken agent leaves the application running as if it were
 * absent.
 *
 * <p>This class must not refer to anything in {@code io.statusguard.agent.bootstrap}: the application
 * class loader would load those classes before they are injected, and instrumented JDK code could then
 * not reach the copies the agent talks to.
 */
public final class StatusguardAgent {
  static final String DISABLED = "[statusguard] agent disabled: ";
  /** Two copies would instrument the same methods twice and report every response twice. */
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private StatusguardAgent() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    agentmain(agentArgs, instrumentation);
  }

  public static void agentmain(String agentArgs, Instrumentation instrumentation) {
    SecretMask secrets = SecretMask.NONE;
    try {
      AgentConfig config;
      try {
        config = AgentConfig.from(agentArgs);
      } catch (InvalidConfigException e) {
        System.err.println(DISABLED + e.getMessage());
        return;
      }
      secrets = config.secrets();
      if (!config.enabled()) {
        System.err.println(DISABLED + AgentConfig.ENABLED + "=false");
        return;
      }
      if (!STARTED.compareAndSet(false, true)) {
        System.err.println(DISABLED + "another copy of the agent already runs in this JVM");
        return;
      }
      BootstrapInjection.inject(instrumentation);
      AgentRuntime.start(config, instrumentation, System.err);
    } catch (Throwable t) {
      System.err.println(DISABLED + secrets.mask(String.valueOf(t)));
    }
  }
}

package io.statusguard.agent.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;

/** One JDK class the agent instruments: its exact name and the advice applied to its methods. */
public interface TypeInstrumentation {
  /** The binary name of the one class this instruments. */
  String typeName();

  /** Inlines the advice; advice classes are read as class files through {@code agentLoader}. */
  AgentBuilder.Transformer transformer(ClassLoader agentLoader);
}

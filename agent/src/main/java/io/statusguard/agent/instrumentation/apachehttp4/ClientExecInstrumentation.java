package io.statusguard.agent.instrumentation.apachehttp4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The innermost element of Apache HttpClient 4.3+'s exec chain: {@code MainClientExec} (clients built
 * by {@code HttpClientBuilder} and {@code HttpClients}) or {@code MinimalClientExec}
 * ({@code HttpClients.createMinimal()}). Each {@code execute} call leases a connection, connects it
 * if needed and then makes its attempts through {@code HttpRequestExecutor}; a failure before any
 * attempt, such as a refused connection, a connect timeout or a TLS handshake, surfaces only here.
 * Same signature in 4.3 to 4.5.14.
 */
public final class ClientExecInstrumentation implements TypeInstrumentation {
  private final String typeName;

  private ClientExecInstrumentation(String typeName) {
    this.typeName = typeName;
  }

  public static ClientExecInstrumentation main() {
    return new ClientExecInstrumentation("org.apache.http.impl.execchain.MainClientExec");
  }

  public static ClientExecInstrumentation minimal() {
    return new ClientExecInstrumentation("org.apache.http.impl.execchain.MinimalClientExec");
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("execute")
                .and(takesArguments(4))
                .and(takesArgument(0, named("org.apache.http.conn.routing.HttpRoute"))),
            ClientExecAdvice.class.getName());
  }
}

package io.statusguard.agent.instrumentation.apachehttp4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * HttpAsyncClient 4.1's {@code AbstractClientExchangeHandler}, the base of the handler that drives one
 * request of {@code HttpAsyncClients} (default, minimal and pipelining clients): it is told of each
 * request it sends ({@code setCurrentRequest}: the first, and each redirect it follows), of each
 * response head that arrives ({@code setCurrentResponse}) and, once, of the failure that ends the
 * exchange ({@code failed}: a refused connection, a TLS handshake, a timeout), and it is closed as
 * the exchange ends, however it does ({@code close}). Same fields and
 * methods in 4.1 to 4.1.5.
 */
public final class AsyncExchangeHandlerInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "org.apache.http.impl.nio.client.AbstractClientExchangeHandler";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("setCurrentRequest").and(takesArguments(1)),
            AsyncRequestAdvice.class.getName())
        .advice(named("setCurrentResponse").and(takesArguments(1)),
            AsyncResponseAdvice.class.getName())
        .advice(named("failed").and(takesArguments(1)), AsyncFailureAdvice.class.getName())
        .advice(named("close").and(takesArguments(0)), AsyncBodyAbandonedAdvice.class.getName());
  }
}

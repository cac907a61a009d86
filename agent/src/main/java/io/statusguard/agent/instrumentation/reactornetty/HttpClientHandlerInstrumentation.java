package io.statusguard.agent.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Reactor Netty's {@code HttpClientConnect.HttpClientHandler}, one per request: its
 * {@code test(Throwable)} is the filter of the {@code retryWhen} around the request's attempts, so it
 * sees the error of every attempt that failed, exactly once, whether the client then retries or not
 * (verified on 1.0.0, 1.0.48, 1.1.0, 1.2.0 and 1.3.7).
 */
public final class HttpClientHandlerInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "reactor.netty.http.client.HttpClientConnect$HttpClientHandler";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("test").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
            FailedAttemptAdvice.class.getName());
  }
}

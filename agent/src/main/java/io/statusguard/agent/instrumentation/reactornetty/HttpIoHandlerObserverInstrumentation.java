package io.statusguard.agent.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Reactor Netty's {@code HttpClientConnect.HttpIOHandlerObserver}: its {@code onStateChange} is told
 * {@code RESPONSE_RECEIVED} once per attempt whose response the client hands to the application, and
 * completes that attempt with it (verified on 1.0.0, 1.0.48, 1.1.0, 1.2.0 and 1.3.7).
 */
public final class HttpIoHandlerObserverInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "reactor.netty.http.client.HttpClientConnect$HttpIOHandlerObserver";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("onStateChange").and(takesArguments(2)),
            ResponseReceivedAdvice.class.getName());
  }
}

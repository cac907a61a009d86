package io.statusguard.agent.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Reactor Netty's {@code HttpClientConnect.HttpObserver}: one is created for each physical attempt
 * of a request (the first, each followed redirect, each retry), which is when the attempt starts; its
 * {@code onUncaughtException} hears of a response that the client answers with another attempt (a
 * redirect it follows, a 401 it authenticates) before that attempt starts (verified on 1.0.0, 1.0.48,
 * 1.1.0, 1.2.0 and 1.3.7).
 */
public final class HttpObserverInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "reactor.netty.http.client.HttpClientConnect$HttpObserver";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(isConstructor().and(takesArguments(2)), AttemptStartAdvice.class.getName())
        .advice(named("onUncaughtException").and(takesArguments(2)),
            FollowedResponseAdvice.class.getName());
  }
}

package io.statusguard.agent.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * OkHttp 3.4 to 5.x, synchronous and enqueued calls alike: its {@code ConnectInterceptor}, the
 * interceptor that every network exchange passes through once, after the retry-and-follow-up loop
 * and the cache and before the network interceptors. Each followed redirect and each retry passes it
 * again; a response served from the cache never does. Same class name, method and signature in 3.4
 * (Java) and in 4.x and 5.x (Kotlin, where it is an {@code object}).
 */
public final class OkHttpInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "okhttp3.internal.connection.ConnectInterceptor";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("intercept").and(takesArguments(1)), NetworkAttemptAdvice.class.getName());
  }
}

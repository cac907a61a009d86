package io.statusguard.agent.instrumentation.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code java.net.http.HttpClient}: its implementation's private {@code sendAsync(HttpRequest,
 * BodyHandler, PushPromiseHandler, Executor)} is where {@code send} and both public {@code sendAsync}
 * methods meet (verified on JDK 17 and 25), so one advice sees every exchange exactly once.
 */
public final class HttpClientInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "jdk.internal.net.http.HttpClientImpl";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("sendAsync")
                .and(isPrivate())
                .and(takesArguments(4))
                .and(takesArgument(0, named("java.net.http.HttpRequest"))),
            SendAsyncAdvice.class.getName());
  }
}

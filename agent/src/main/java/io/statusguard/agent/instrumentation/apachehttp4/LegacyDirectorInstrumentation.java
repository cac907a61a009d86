package io.statusguard.agent.instrumentation.apachehttp4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The request director of HttpClient 4's deprecated {@code DefaultHttpClient} family, which still
 * ships in 4.5: its private {@code tryConnect(RoutedRequest, HttpContext)} opens the connection of
 * each attempt, so a failure before the wire surfaces there. Its attempts on the wire go through
 * {@code HttpRequestExecutor} like everyone else's (same signature in 4.3 to 4.5.14).
 */
public final class LegacyDirectorInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "org.apache.http.impl.client.DefaultRequestDirector";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("tryConnect").and(takesArguments(2)), LegacyConnectAdvice.class.getName());
  }
}

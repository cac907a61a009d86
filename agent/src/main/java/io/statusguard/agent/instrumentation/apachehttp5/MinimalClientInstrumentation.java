package io.statusguard.agent.instrumentation.apachehttp5;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Apache HttpClient 5's classic {@code MinimalHttpClient} ({@code HttpClients.createMinimal()}), which
 * has no exec chain: its {@code doExecute(HttpHost, ClassicHttpRequest, HttpContext)} connects and
 * makes exactly one attempt, following no redirect and retrying nothing. Same signature in 5.0 to
 * 5.6.
 */
public final class MinimalClientInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "org.apache.hc.client5.http.impl.classic.MinimalHttpClient";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("doExecute")
                .and(takesArguments(3))
                .and(takesArgument(0, named("org.apache.hc.core5.http.HttpHost"))),
            MinimalClientAdvice.class.getName());
  }
}

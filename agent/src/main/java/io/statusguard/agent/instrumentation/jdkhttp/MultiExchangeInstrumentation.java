package io.statusguard.agent.instrumentation.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code jdk.internal.net.http.MultiExchange}, the JDK client's loop over the responses of one
 * exchange: its private {@code responseFilters(Response)} runs once per response head, and returns
 * null for the final one, the one whose body the application's handler reads (redirects and
 * authentication challenges return the next request). HTTP/1.1 and HTTP/2 alike; verified on JDK 17
 * and 25.
 */
public final class MultiExchangeInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "jdk.internal.net.http.MultiExchange";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("responseFilters")
                .and(isPrivate())
                .and(takesArguments(1))
                .and(returns(named("jdk.internal.net.http.HttpRequestImpl"))),
            FinalResponseAdvice.class.getName());
  }
}

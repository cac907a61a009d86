package io.statusguard.agent.instrumentation.urlconnection;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code java.net.HttpURLConnection}: the JDK's implementation class, which
 * {@code HttpsURLConnection} delegates to as well. {@code getInputStream()} produces every response;
 * {@code followRedirect0} sees each redirect the connection follows; {@code connect()} sees a refused
 * connection of an application that connects before it asks for the response.
 */
public final class UrlConnectionInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "sun.net.www.protocol.http.HttpURLConnection";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("getInputStream").and(takesArguments(0)), GetInputStreamAdvice.class.getName())
        .advice(named("connect").and(takesArguments(0)), ConnectAdvice.class.getName())
        .advice(named("followRedirect0")
                .and(takesArguments(3))
                .and(takesArgument(1, int.class)),
            FollowRedirectAdvice.class.getName());
  }
}

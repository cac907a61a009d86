package io.statusguard.agent.instrumentation.apachehttp5;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Apache HttpClient 5's classic {@code ConnectExec}, the exec chain element between
 * {@code ProtocolExec} (which repeats a request to authenticate) and {@code MainClientExec} (which
 * sends it): each call connects if needed and makes one physical attempt, so each redirect that
 * {@code RedirectExec} follows, each retry of {@code HttpRequestRetryExec} and each authentication
 * round passes it once, and a failure before the wire (a refused connection, a TLS handshake) ends
 * it too. Same signature in 5.0 to 5.6.
 */
public final class ConnectExecInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "org.apache.hc.client5.http.impl.classic.ConnectExec";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("execute")
                .and(takesArguments(3))
                .and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest"))),
            ConnectExecAdvice.class.getName());
  }
}

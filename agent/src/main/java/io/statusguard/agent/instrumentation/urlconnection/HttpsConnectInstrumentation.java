package io.statusguard.agent.instrumentation.urlconnection;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The JDK's HTTPS delegate of {@code HttpsURLConnection}, whose own {@code connect()} makes the TLS
 * handshake after the plain connect: a handshake that fails there is recorded by
 * {@link ConnectAdvice} when the application connected explicitly.
 */
public final class HttpsConnectInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("connect").and(takesArguments(0)), ConnectAdvice.class.getName());
  }
}

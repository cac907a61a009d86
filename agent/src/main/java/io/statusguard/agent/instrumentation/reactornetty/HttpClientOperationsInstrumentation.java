package io.statusguard.agent.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Reactor Netty's {@code HttpClientOperations}, one per attempt's exchange on a connection: its
 * {@code onInboundNext} receives the response head and then each piece of the body, which it hands to
 * the application's receiver, the last one ({@code LastHttpContent}) ending the body; {@code
 * onInboundClose} (the connection closed early), {@code onInboundCancel} (the application cancelled
 * the body) and {@code afterInboundComplete} end the exchange however it went (verified on 1.0.0 and
 * 1.3.7).
 */
public final class HttpClientOperationsInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "reactor.netty.http.client.HttpClientOperations";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("onInboundNext").and(takesArguments(2)),
            InboundContentAdvice.class.getName())
        .advice(namedOneOf("onInboundClose", "onInboundCancel", "afterInboundComplete")
                .and(takesArguments(0)),
            InboundEndAdvice.class.getName());
  }
}

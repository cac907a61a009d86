package io.statusguard.agent.instrumentation.jetty;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Jetty 12's {@code HttpExchange}: one per physical attempt (each redirect and each authentication
 * retry is a new request, hence a new exchange). It starts when the exchange is created and ends
 * either in {@code terminateRequest}/{@code terminateResponse}, whichever produces the exchange's
 * {@code Result}, or, when it never reached a connection (connect failure, timeout while queued), in
 * {@code notifyFailureComplete} (verified on 12.0.0 and 12.1.10).
 *
 * <p>The advice is compiled for Java 17 from {@code src/main/java17}, as Jetty 12 is; it is named here,
 * not referred to, because this class is compiled for Java 11.
 */
public final class HttpExchangeInstrumentation implements TypeInstrumentation {
  static final String ADVICE_PACKAGE = "io.statusguard.agent.instrumentation.jetty.";

  @Override
  public String typeName() {
    return "org.eclipse.jetty.client.transport.HttpExchange";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(isConstructor().and(takesArguments(3)), ADVICE_PACKAGE + "ExchangeStartAdvice")
        .advice(namedOneOf("terminateRequest", "terminateResponse").and(takesArguments(0)),
            ADVICE_PACKAGE + "ExchangeTerminatedAdvice")
        .advice(named("notifyFailureComplete").and(takesArguments(1)),
            ADVICE_PACKAGE + "ExchangeAbortedAdvice");
  }
}

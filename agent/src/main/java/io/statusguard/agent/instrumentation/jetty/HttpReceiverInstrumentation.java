package io.statusguard.agent.instrumentation.jetty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Jetty 12's HTTP/1.1 receiver, {@code HttpReceiverOverHTTP}, one per connection: {@code
 * headerComplete()} ends each response head, and {@code read(boolean)} hands each chunk of the body
 * to the response's content source, from which the application (or Jetty's decoder) reads it
 * (verified on 12.0.0 and 12.1.14). Responses over HTTP/2 and HTTP/3 are still recorded by {@link
 * HttpExchangeInstrumentation}, without body details.
 *
 * <p>The advice is compiled for Java 17 from {@code src/main/java17}, as Jetty 12 is.
 */
public final class HttpReceiverInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "org.eclipse.jetty.client.transport.internal.HttpReceiverOverHTTP";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("headerComplete").and(takesArguments(0)),
            HttpExchangeInstrumentation.ADVICE_PACKAGE + "ResponseHeadersAdvice")
        .advice(named("read").and(takesArguments(1)),
            HttpExchangeInstrumentation.ADVICE_PACKAGE + "ContentReadAdvice");
  }
}

package io.statusguard.agent.instrumentation.apachehttp4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The exchange handlers of HttpAsyncClient 4.1 ({@code DefaultClientExchangeHandlerImpl}, {@code
 * MinimalClientExchangeHandlerImpl}, {@code PipeliningClientExchangeHandlerImpl}): each hands the
 * response body's {@code ContentDecoder} to the application's consumer in {@code consumeContent}, as
 * often as data arrives, and is told {@code responseCompleted} once the response is complete. Same
 * methods in 4.1 to 4.1.5.
 */
public final class AsyncContentInstrumentation implements TypeInstrumentation {
  private static final String PACKAGE = "org.apache.http.impl.nio.client.";

  private final String typeName;

  private AsyncContentInstrumentation(String typeName) {
    this.typeName = typeName;
  }

  /** The handler of the default clients ({@code HttpAsyncClients.createDefault()} and builders). */
  public static AsyncContentInstrumentation defaultHandler() {
    return new AsyncContentInstrumentation(PACKAGE + "DefaultClientExchangeHandlerImpl");
  }

  /** The handler of {@code HttpAsyncClients.createMinimal()}. */
  public static AsyncContentInstrumentation minimalHandler() {
    return new AsyncContentInstrumentation(PACKAGE + "MinimalClientExchangeHandlerImpl");
  }

  /** The handler of {@code HttpAsyncClients.createPipelining()}. */
  public static AsyncContentInstrumentation pipeliningHandler() {
    return new AsyncContentInstrumentation(PACKAGE + "PipeliningClientExchangeHandlerImpl");
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("consumeContent").and(takesArguments(2)),
            ContentConsumedAdvice.class.getName())
        .advice(named("responseCompleted").and(takesArguments(0)),
            ResponseCompletedAdvice.class.getName());
  }
}

package io.statusguard.agent.instrumentation.apachehttp5;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import java.nio.ByteBuffer;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The exchange handler that the innermost element of Apache HttpClient 5's async exec chain makes for
 * each attempt ({@code HttpAsyncMainClientExec}'s, or {@code H2AsyncMainClientExec}'s for the
 * HTTP/2-only client; the first anonymous class of each in 5.0 to 5.6): every piece of the response
 * body passes its {@code consume(ByteBuffer)} on its way to the application's consumer, the end of the
 * body its {@code streamEnd}, and {@code failed}, {@code cancel} and {@code releaseResources} end the
 * exchange. Each handler holds the attempt's callback as {@code val$asyncExecCallback}, the object
 * {@link AsyncResponseAdvice} attaches the body's tap to.
 */
public final class AsyncBodyInstrumentation implements TypeInstrumentation {
  private final String typeName;

  private AsyncBodyInstrumentation(String typeName) {
    this.typeName = typeName;
  }

  /** The handler of the default clients, HTTP/1.1 and negotiated HTTP/2 alike. */
  public static AsyncBodyInstrumentation negotiating() {
    return new AsyncBodyInstrumentation(
        "org.apache.hc.client5.http.impl.async.HttpAsyncMainClientExec$1");
  }

  /** The handler of the HTTP/2-only clients ({@code H2AsyncClientBuilder}). */
  public static AsyncBodyInstrumentation http2Only() {
    return new AsyncBodyInstrumentation("org.apache.hc.client5.http.impl.async.H2AsyncMainClientExec$1");
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("consume").and(takesArguments(1)).and(takesArgument(0, ByteBuffer.class)),
            BodyDataAdvice.class.getName())
        .advice(named("streamEnd").and(takesArguments(1)), BodyEndAdvice.class.getName())
        .advice(named("failed").and(takesArguments(1))
                .or(namedOneOf("cancel", "releaseResources").and(takesArguments(0))),
            BodyAbandonedAdvice.class.getName());
  }
}

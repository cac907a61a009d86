package io.statusguard.agent.instrumentation.apachehttp4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import java.nio.ByteBuffer;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * HttpCore NIO 4.4's content decoders, one per response body, from which HttpAsyncClient 4.1's
 * response consumers read the body: {@code LengthDelimitedDecoder} (Content-Length), {@code
 * ChunkDecoder} (chunked) and {@code IdentityDecoder} (until the connection closes). Their {@code
 * read(ByteBuffer)} is what the application's consumer gets.
 */
public final class ContentDecoderInstrumentation implements TypeInstrumentation {
  private static final String PACKAGE = "org.apache.http.impl.nio.codecs.";

  private final String typeName;

  private ContentDecoderInstrumentation(String typeName) {
    this.typeName = typeName;
  }

  public static ContentDecoderInstrumentation lengthDelimited() {
    return new ContentDecoderInstrumentation(PACKAGE + "LengthDelimitedDecoder");
  }

  public static ContentDecoderInstrumentation chunked() {
    return new ContentDecoderInstrumentation(PACKAGE + "ChunkDecoder");
  }

  public static ContentDecoderInstrumentation identity() {
    return new ContentDecoderInstrumentation(PACKAGE + "IdentityDecoder");
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("read").and(takesArguments(1)).and(takesArgument(0, ByteBuffer.class)),
            DecodedAdvice.class.getName());
  }
}

package io.statusguard.agent.instrumentation.apachehttp4;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * HttpCore 4's {@code HttpRequestExecutor}: its {@code execute(HttpRequest, HttpClientConnection,
 * HttpContext)} sends one request on an open connection and reads its response, so every physical
 * attempt of Apache HttpClient 4.x on the wire passes it once: each redirect {@code RedirectExec}
 * follows, each retry of {@code RetryExec}, each authentication round inside {@code MainClientExec},
 * and the deprecated {@code DefaultHttpClient}'s attempts alike (same signature in HttpCore 4.0 to
 * 4.4.16).
 */
public final class RequestExecutorInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "org.apache.http.protocol.HttpRequestExecutor";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(named("execute")
                .and(isPublic())
                .and(takesArguments(3))
                .and(takesArgument(0, named("org.apache.http.HttpRequest"))),
            ExchangeAdvice.class.getName());
  }
}

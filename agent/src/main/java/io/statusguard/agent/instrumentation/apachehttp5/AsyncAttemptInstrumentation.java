package io.statusguard.agent.instrumentation.apachehttp5;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The callback that Apache HttpClient 5's {@code AsyncProtocolExec} creates for each physical attempt
 * it hands down the async exec chain (its first anonymous class, in 5.0 to 5.6 alike): it is told of
 * each response head to that attempt ({@code handleResponse}) and of whatever ends the attempt without
 * one ({@code failed}: a refused connection, a TLS handshake, a timeout), whether the connection is
 * HTTP/1.1 or HTTP/2. Every redirect {@code AsyncRedirectExec} follows, every retry of
 * {@code AsyncHttpRequestRetryExec} and every authentication round makes a new one. The advice reads
 * the attempt's request, context and scope from the fields the compiler gave the class for the
 * variables it captures ({@code val$request}, {@code val$clientContext}, {@code val$scope}), present
 * under those names in every version claimed.
 */
public final class AsyncAttemptInstrumentation implements TypeInstrumentation {
  @Override
  public String typeName() {
    return "org.apache.hc.client5.http.impl.async.AsyncProtocolExec$1";
  }

  @Override
  public AgentBuilder.Transformer transformer(ClassLoader agentLoader) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentLoader)
        .advice(isConstructor(), AsyncAttemptStartAdvice.class.getName())
        .advice(named("handleResponse").and(takesArguments(2)),
            AsyncResponseAdvice.class.getName())
        .advice(named("failed").and(takesArguments(1)), AsyncFailureAdvice.class.getName());
  }
}

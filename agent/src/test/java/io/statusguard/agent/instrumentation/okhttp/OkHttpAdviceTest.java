package io.statusguard.agent.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.instrumentation.AdvisedTypes;
import org.junit.jupiter.api.Test;

/**
 * The advice binds to the OkHttp class the agent compiles against (3.4.0, the oldest version
 * claimed); the integration tests in {@code agent-tests/okhttp-*} check the behaviour on the oldest
 * and the newest version of each major.
 */
class OkHttpAdviceTest {
  @Test
  void everyNetworkExchangePassesTheConnectInterceptor() {
    OkHttpInstrumentation instrumentation = new OkHttpInstrumentation();

    assertThat(AdvisedTypes.advise(instrumentation)).isNotEmpty();
    assertThat(AdvisedTypes.describe(instrumentation).getDeclaredMethods()
        .filter(named("intercept").and(takesArguments(1))
            .and(takesArgument(0, named("okhttp3.Interceptor$Chain")))))
        .hasSize(1);
  }
}

package io.statusguard.agent.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.instrumentation.AdvisedTypes;
import io.statusguard.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

/**
 * The advice binds to the Reactor Netty classes the agent compiles against (1.0.0, the oldest
 * version claimed), and the methods it is meant for exist there; the integration tests check the
 * behaviour on the oldest and the newest version.
 */
class ReactorNettyAdviceTest {
  @Test
  void attemptsStartWhenTheirObserverIsCreatedAndFollowedResponsesEndThem() {
    HttpObserverInstrumentation instrumentation = new HttpObserverInstrumentation();

    assertThat(AdvisedTypes.advise(instrumentation)).isNotEmpty();
    assertDeclaresOne(instrumentation, isConstructor().and(takesArguments(2))
        .and(takesArgument(1, named("reactor.netty.http.client.HttpClientConnect$HttpClientHandler"))));
    assertDeclaresOne(instrumentation, named("onUncaughtException").and(takesArguments(2)));
  }

  @Test
  void responsesAreReceivedByTheIoHandlerObserver() {
    HttpIoHandlerObserverInstrumentation instrumentation = new HttpIoHandlerObserverInstrumentation();

    assertThat(AdvisedTypes.advise(instrumentation)).isNotEmpty();
    assertDeclaresOne(instrumentation, named("onStateChange").and(takesArguments(2)));
  }

  @Test
  void failedAttemptsPassTheRetryFilter() {
    HttpClientHandlerInstrumentation instrumentation = new HttpClientHandlerInstrumentation();

    assertThat(AdvisedTypes.advise(instrumentation)).isNotEmpty();
    assertDeclaresOne(instrumentation, named("test").and(takesArgument(0, Throwable.class)));
    assertThat(AdvisedTypes.describe(instrumentation).getInterfaces().asErasures())
        .extracting(TypeDescription::getName).contains("java.util.function.Predicate");
  }

  private static void assertDeclaresOne(TypeInstrumentation instrumentation,
      ElementMatcher<? super MethodDescription> method) {
    assertThat(AdvisedTypes.describe(instrumentation).getDeclaredMethods().filter(method))
        .hasSize(1);
  }
}

package io.statusguard.agent.instrumentation.jetty;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.instrumentation.AdvisedTypes;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * The advice binds to the Jetty classes the agent compiles against (12.0.0, the oldest version
 * claimed), the methods it is meant for exist there, and the advice the instrumentation names by
 * string was compiled; the integration tests check the behaviour on the oldest and newest version.
 */
class JettyAdviceTest {
  private final HttpExchangeInstrumentation instrumentation = new HttpExchangeInstrumentation();

  @Test
  void adviceBindsToTheExchange() {
    assertThat(AdvisedTypes.advise(instrumentation)).isNotEmpty();
  }

  @Test
  void theExchangeStartsInItsConstructorAndEndsInOneOfThreeMethods() {
    MethodList<?> methods = AdvisedTypes.describe(instrumentation).getDeclaredMethods();

    assertThat(methods.filter(isConstructor().and(takesArguments(3)))).hasSize(1);
    assertThat(methods.filter(named("terminateRequest").and(takesArguments(0)))).hasSize(1);
    assertThat(methods.filter(named("terminateResponse").and(takesArguments(0)))).hasSize(1);
    assertThat(methods.filter(named("notifyFailureComplete").and(takesArguments(1)))).hasSize(1);
  }

  @Test
  void theNamedAdviceExists() {
    for (String advice : new String[] {"ExchangeStartAdvice", "ExchangeTerminatedAdvice",
        "ExchangeAbortedAdvice"}) {
      String resource = (HttpExchangeInstrumentation.ADVICE_PACKAGE + advice).replace('.', '/')
          + ".class";
      assertThat(getClass().getClassLoader().getResource(resource)).as(advice).isNotNull();
    }
  }

  @Test
  void exchangeStatesAreNamedAsTheAdviceExpects() {
    TypeDescription states = TypePool.Default.of(getClass().getClassLoader())
        .describe("org.eclipse.jetty.client.transport.HttpExchange$State").resolve();

    assertThat(states.isEnum()).isTrue();
    assertThat(states.getDeclaredFields()).extracting(FieldDescription::getName)
        .contains("TERMINATED");
  }
}

package io.statusguard.agent.instrumentation.apachehttp4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.instrumentation.AdvisedTypes;
import io.statusguard.agent.instrumentation.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodList;
import org.junit.jupiter.api.Test;

/**
 * The advice binds to the classes of HttpClient 4.3 and HttpAsyncClient 4.1 (the oldest versions
 * claimed, which the agent compiles against) and the methods it is meant for exist there once; the
 * integration tests check the behaviour on the oldest and the newest versions.
 */
class ApacheHttp4AdviceTest {
  private static final List<TypeInstrumentation> INSTRUMENTATIONS = List.of(
      new RequestExecutorInstrumentation(), ClientExecInstrumentation.main(),
      ClientExecInstrumentation.minimal(), new LegacyDirectorInstrumentation(),
      new AsyncExchangeHandlerInstrumentation());

  @Test
  void adviceBindsToEveryInstrumentedClass() {
    for (TypeInstrumentation instrumentation : INSTRUMENTATIONS) {
      assertThat(AdvisedTypes.advise(instrumentation)).as(instrumentation.typeName()).isNotEmpty();
    }
  }

  @Test
  void theRequestExecutorHasOneThreeArgumentExecute() {
    assertThat(methods(new RequestExecutorInstrumentation())
        .filter(named("execute").and(takesArguments(3)))).hasSize(1);
  }

  @Test
  void bothClientExecsHaveOneFourArgumentExecute() {
    assertThat(methods(ClientExecInstrumentation.main())
        .filter(named("execute").and(takesArguments(4)))).hasSize(1);
    assertThat(methods(ClientExecInstrumentation.minimal())
        .filter(named("execute").and(takesArguments(4)))).hasSize(1);
  }

  @Test
  void theLegacyDirectorConnectsInTryConnect() {
    assertThat(methods(new LegacyDirectorInstrumentation())
        .filter(named("tryConnect").and(takesArguments(2)))).hasSize(1);
  }

  @Test
  void theAsyncHandlerHasTheMethodsAndFieldsTheAdviceReads() {
    AsyncExchangeHandlerInstrumentation handler = new AsyncExchangeHandlerInstrumentation();

    assertThat(methods(handler).filter(named("setCurrentRequest").and(takesArguments(1))))
        .hasSize(1);
    assertThat(methods(handler).filter(named("setCurrentResponse").and(takesArguments(1))))
        .hasSize(1);
    assertThat(methods(handler).filter(named("failed").and(takesArguments(1)))).hasSize(1);
    assertThat(AdvisedTypes.describe(handler).getDeclaredFields())
        .extracting(FieldDescription::getName)
        .contains("requestRef", "responseRef", "closed", "localContext");
  }

  private static MethodList<?> methods(TypeInstrumentation instrumentation) {
    return AdvisedTypes.describe(instrumentation).getDeclaredMethods();
  }
}

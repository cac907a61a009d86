package io.statusguard.agent.instrumentation.apachehttp5;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
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
 * The advice binds to the classes of HttpClient 5.0 (the oldest version claimed, which the agent
 * compiles against) and the methods it is meant for exist there once; the integration tests check
 * the behaviour on 5.0 and on the newest version.
 */
class ApacheHttp5AdviceTest {
  @Test
  void adviceBindsToEveryInstrumentedClass() {
    for (TypeInstrumentation instrumentation : List.of(new ConnectExecInstrumentation(),
        new MinimalClientInstrumentation(), new AsyncAttemptInstrumentation())) {
      assertThat(AdvisedTypes.advise(instrumentation)).as(instrumentation.typeName()).isNotEmpty();
    }
  }

  @Test
  void theClassicElementsHaveOneMethodEach() {
    assertThat(methods(new ConnectExecInstrumentation())
        .filter(named("execute").and(takesArguments(3)))).hasSize(1);
    assertThat(methods(new MinimalClientInstrumentation())
        .filter(named("doExecute").and(takesArguments(3)))).hasSize(1);
  }

  @Test
  void theAsyncAttemptCallbackCapturesWhatTheAdviceReads() {
    AsyncAttemptInstrumentation callback = new AsyncAttemptInstrumentation();

    assertThat(methods(callback).filter(isConstructor())).hasSize(1);
    assertThat(methods(callback).filter(named("handleResponse").and(takesArguments(2))))
        .hasSize(1);
    assertThat(methods(callback).filter(named("failed").and(takesArguments(1)))).hasSize(1);
    assertThat(AdvisedTypes.describe(callback).getInterfaces().asErasures())
        .extracting(type -> type.getName())
        .containsExactly("org.apache.hc.client5.http.async.AsyncExecCallback");
    assertThat(AdvisedTypes.describe(callback).getDeclaredFields())
        .extracting(FieldDescription::getName)
        .contains("val$request", "val$scope", "val$clientContext");
  }

  private static MethodList<?> methods(TypeInstrumentation instrumentation) {
    return AdvisedTypes.describe(instrumentation).getDeclaredMethods();
  }
}

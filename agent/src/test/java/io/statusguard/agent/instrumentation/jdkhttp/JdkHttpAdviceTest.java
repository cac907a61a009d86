package io.statusguard.agent.instrumentation.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.instrumentation.AdvisedTypes;
import io.statusguard.agent.instrumentation.TypeInstrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The advice binds to the JDK client classes of the JDK running this test, and the internals it
 * relies on are there; the agent jar's integration tests check the behaviour on JDK 17 and 25. Only
 * names and types are read: nothing is made accessible.
 */
class JdkHttpAdviceTest {
  @Test
  void sendAsyncAdviceBindsToTheClientsFunnel() {
    assertAdviceBinds(new HttpClientInstrumentation(), "sendAsync");
  }

  @Test
  void finalResponseAdviceBindsToTheLoopOverAnExchangesResponses() throws Exception {
    assertAdviceBinds(new MultiExchangeInstrumentation(), "responseFilters");

    Class<?> multiExchange = Class.forName("jdk.internal.net.http.MultiExchange");
    Method responseFilters = Arrays.stream(multiExchange.getDeclaredMethods())
        .filter(m -> m.getName().equals("responseFilters")).findFirst().orElseThrow();
    assertThat(Modifier.isPrivate(responseFilters.getModifiers())).isTrue();
    assertThat(responseFilters.getReturnType()).isAssignableTo(HttpRequest.class);
    assertThat(multiExchange.getDeclaredField("responseHandler").getType())
        .isEqualTo(HttpResponse.BodyHandler.class);
    assertThat(multiExchange.getDeclaredField("currentreq").getType())
        .isAssignableTo(HttpRequest.class);
    assertThat(multiExchange.getDeclaredField("response").getType())
        .isEqualTo(HttpResponse.class);
  }

  private static void assertAdviceBinds(TypeInstrumentation instrumentation, String name) {
    assertThat(AdvisedTypes.advise(instrumentation)).isNotEmpty();
    assertThat(AdvisedTypes.describe(instrumentation).getDeclaredMethods().filter(named(name)))
        .isNotEmpty();
  }
}

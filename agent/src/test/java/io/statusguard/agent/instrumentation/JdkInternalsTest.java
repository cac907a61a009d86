package io.statusguard.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The JDK internals the advice relies on exist on the JDK running this test; the integration tests
 * check the behaviour on JDK 17 and 25. Only names and types are read: nothing is made accessible.
 */
class JdkInternalsTest {
  @Test
  void httpClientImplFunnelsThroughAFourArgumentSendAsync() throws ClassNotFoundException {
    Class<?> impl = Class.forName("jdk.internal.net.http.HttpClientImpl");

    Method sendAsync = Arrays.stream(impl.getDeclaredMethods())
        .filter(m -> m.getName().equals("sendAsync") && m.getParameterCount() == 4)
        .findFirst().orElseThrow();

    assertThat(Modifier.isPrivate(sendAsync.getModifiers())).isTrue();
    assertThat(sendAsync.getParameterTypes()[0]).isEqualTo(HttpRequest.class);
    assertThat(sendAsync.getParameterTypes()[3]).isEqualTo(Executor.class);
    assertThat(sendAsync.getReturnType()).isEqualTo(CompletableFuture.class);
  }

  @Test
  void httpUrlConnectionHasTheAdvisedMethodsAndFields() throws Exception {
    Class<?> impl = Class.forName("sun.net.www.protocol.http.HttpURLConnection");

    assertThat(impl.getDeclaredMethod("getInputStream")).isNotNull();
    assertThat(impl.getDeclaredMethod("followRedirect0", String.class, int.class, URL.class)
        .getReturnType()).isEqualTo(boolean.class);
    assertField(impl, "inputStream", java.io.InputStream.class);
    assertField(impl, "rememberedException", Exception.class);
    assertField(impl, "errorStream", java.io.InputStream.class);
    assertThat(impl.getDeclaredMethod("getErrorStream").getReturnType())
        .isEqualTo(java.io.InputStream.class);
    assertField(java.net.HttpURLConnection.class, "responseCode", int.class);
    assertField(java.net.URLConnection.class, "doInput", boolean.class);
    assertThat(Class.forName("sun.net.www.protocol.https.DelegateHttpsURLConnection"))
        .isAssignableTo(impl);
  }

  @Test
  void everyConnectThatCanFailIsAdvised() throws Exception {
    Class<?> http = Class.forName("sun.net.www.protocol.http.HttpURLConnection");
    Class<?> https = Class.forName("sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection");

    assertThat(http.getDeclaredMethod("connect")).isNotNull();
    // The HTTPS delegate shakes hands in its own connect(), which does not call the plain one.
    assertThat(https.getDeclaredMethod("connect")).isNotNull();
    assertThat(https).isAssignableTo(http);
    assertField(java.net.URLConnection.class, "connected", boolean.class);
  }

  private static void assertField(Class<?> owner, String name, Class<?> type)
      throws NoSuchFieldException {
    Field field = owner.getDeclaredField(name);
    assertThat(field.getType()).as(owner.getName() + "." + name).isEqualTo(type);
  }
}

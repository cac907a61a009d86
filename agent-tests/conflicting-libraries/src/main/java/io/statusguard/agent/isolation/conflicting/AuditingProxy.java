package io.statusguard.agent.isolation.conflicting;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.InvocationHandlerAdapter;

/**
 * A {@link ScenarioClient} class that the application's own Byte Buddy defines at run time, as
 * proxying frameworks do: each call goes to the client underneath and its outcome, or the
 * exception's class, to the {@link AuditTrail}. The exception reaches the caller unchanged.
 */
final class AuditingProxy implements InvocationHandler {
  private final ScenarioClient client;
  private final AuditTrail audit;

  private AuditingProxy(ScenarioClient client, AuditTrail audit) {
    this.client = client;
    this.audit = audit;
  }

  static ScenarioClient around(ScenarioClient client, AuditTrail audit) {
    try {
      return new ByteBuddy()
          .subclass(ScenarioClient.class)
          .method(isDeclaredBy(ScenarioClient.class).and(not(named("close"))))
          .intercept(InvocationHandlerAdapter.of(new AuditingProxy(client, audit)))
          .method(named("close"))
          .intercept(InvocationHandlerAdapter.of(
              (proxy, method, args) -> {
                client.close();
                return null;
              }))
          .make()
          .load(AuditingProxy.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
          .getLoaded()
          .getDeclaredConstructor()
          .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Byte Buddy's proxy class cannot be made", e);
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object outcome;
    try {
      outcome = method.invoke(client, args);
    } catch (InvocationTargetException e) {
      audit.record(method.getName(), "threw " + e.getCause().getClass().getSimpleName());
      throw e.getCause();
    }
    audit.record(method.getName(), String.valueOf(outcome));
    return outcome;
  }
}

package io.statusguard.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs one Kafka broker per test class (see {@link WithKafkaBroker}): started in {@code beforeAll},
 * or earlier if a constructor needs it, kept in the class's extension store and closed by JUnit
 * after the class. Classes that ask for Testcontainers where Docker is absent are disabled, so that
 * they are reported as skipped rather than failed. Stateless; JUnit's store holds the brokers.
 */
public final class KafkaBrokerExtension
    implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(KafkaBrokerExtension.class);
  private static final String BROKER = "broker";
  private static final String DOCKER_AVAILABLE = "docker-available";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!isClassContext(context)) {
      return ConditionEvaluationResult.enabled("Kafka backend is decided per test class");
    }
    if (backend(context) == Backend.TESTCONTAINERS && !dockerAvailable(context)) {
      return ConditionEvaluationResult.disabled(
          "Docker is not available, so the Testcontainers Kafka backend cannot run");
    }
    return ConditionEvaluationResult.enabled("Kafka backend can run");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    kafka(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestKafka.class;
  }

  @Override
  public TestKafka resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return kafka(context);
  }

  /**
   * The broker of the nearest class context, or of an enclosing class's, started if there is none.
   */
  private static ManagedKafka kafka(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(BROKER, key -> start(classContext), ManagedKafka.class);
  }

  private static ManagedKafka start(ExtensionContext classContext) {
    Backend backend = backend(classContext);
    if (backend == Backend.TESTCONTAINERS) {
      // Normally the execution condition has already disabled such a class; this covers extensions
      // registered where class-level conditions do not run.
      Assumptions.assumeTrue(
          dockerAvailable(classContext), "Docker is not available for Testcontainers Kafka");
      return ContainerTestKafka.start(
          classContext.getConfigurationParameter(ContainerTestKafka.IMAGE_PROPERTY));
    }
    return EmbeddedTestKafka.start();
  }

  private static Backend backend(ExtensionContext context) {
    Backend declared =
        context
            .getTestClass()
            .flatMap(KafkaBrokerExtension::declaredBackend)
            .orElse(Backend.DEFAULT);
    return declared.resolve(context.getConfigurationParameter(Backend.PROPERTY));
  }

  /**
   * The annotation on the class, its superclasses or, for nested classes, its enclosing classes.
   */
  private static Optional<Backend> declaredBackend(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      Optional<WithKafkaBroker> annotation =
          AnnotationSupport.findAnnotation(type, WithKafkaBroker.class);
      if (annotation.isPresent()) {
        return Optional.of(annotation.get().backend());
      }
    }
    return Optional.empty();
  }

  private static boolean dockerAvailable(ExtensionContext context) {
    // Probing Docker can take seconds; once per test run is enough.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            DOCKER_AVAILABLE, key -> ContainerTestKafka.dockerAvailable(), Boolean.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (!isClassContext(current)) {
      current =
          current
              .getParent()
              .orElseThrow(() -> new IllegalStateException("No test class around " + context));
    }
    return current;
  }

  private static boolean isClassContext(ExtensionContext context) {
    Optional<AnnotatedElement> element = context.getElement();
    return element.isPresent() && element.get() instanceof Class;
  }
}

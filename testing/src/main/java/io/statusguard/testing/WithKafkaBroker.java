package io.statusguard.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class one real Kafka broker, started before its first test and closed
 * after its last; {@link TestKafka} parameters of constructors, lifecycle and test methods receive
 * it. Nested test classes share their enclosing class's broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaBrokerExtension.class)
public @interface WithKafkaBroker {
  /**
   * Where the broker runs; {@link Backend#DEFAULT} defers to the {@value Backend#PROPERTY}
   * property.
   */
  Backend backend() default Backend.DEFAULT;
}

package io.statusguard.agent.isolation.boot;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.Run;
import io.statusguard.testing.TestKafka;
import java.nio.file.Paths;

/**
 * The agent in a Spring Boot application run as {@code java -javaagent:... -jar app.jar}: the
 * instrumented classes of a library in {@code BOOT-INF/lib} are loaded by Spring Boot's nested-jar
 * class loader, and each physical attempt must still be recorded exactly once.
 */
abstract class BootJarSuite extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return BootScenarioApplication.class;
  }

  /** The executable jar that {@code spring-boot-maven-plugin} repackaged. */
  @Override
  protected Run runApplication(ChildJvm jvm, String name, String mode, TestKafka kafka)
      throws Exception {
    return jvm.runJar(name, Paths.get(System.getProperty("statusguard.it.application.jar")), mode);
  }
}

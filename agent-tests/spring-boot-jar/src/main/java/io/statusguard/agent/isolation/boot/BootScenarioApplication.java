package io.statusguard.agent.isolation.boot;

import io.statusguard.agent.testsupport.ScenarioApp;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A minimal Spring Boot application, run from its executable jar: once the context is up it runs
 * the scenarios with the clients of the mode its one argument names ({@link ProviderClients}), then
 * closes the context and exits. Spring's clients and the libraries underneath load from the jar's
 * {@code BOOT-INF/lib} through Spring Boot's class loader, as in any Boot application.
 */
@SpringBootApplication
public class BootScenarioApplication {
  public static void main(String[] args) {
    System.exit(SpringApplication.exit(
        SpringApplication.run(BootScenarioApplication.class, args)));
  }

  @Bean
  ApplicationRunner scenarios(ProviderClients clients) {
    return arguments -> ScenarioApp.run(arguments.getSourceArgs(), clients);
  }
}

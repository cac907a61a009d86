package io.statusguard.testing;

import static org.assertj.core.api.Assertions.allOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs a fixture test class through the JUnit engine with the backend chosen by configuration. */
class KafkaBrokerExtensionConfigurationTest {

  @Test
  void configuredTestcontainersBackendSkipsTheClassWithoutDocker() {
    Assumptions.assumeFalse(ContainerTestKafka.dockerAvailable(), "Docker is available here");

    Events containers = run("testcontainers").containerEvents();

    containers.assertStatistics(stats -> stats.skipped(1).failed(0));
    assertThat(containers.skipped().stream())
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getPayload(String.class))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("Docker")));
  }

  @Test
  void unknownConfiguredBackendFailsTheClassNamingTheProperty() {
    Events containers = run("docker").containerEvents();

    containers
        .assertThatEvents()
        .haveExactly(
            1,
            allOf(
                container(WithDefaultBackend.class.getName()),
                finishedWithFailure(
                    message(m -> m.contains(Backend.PROPERTY) && m.contains("'docker'")))));
  }

  private static EngineExecutionResults run(String backend) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(Backend.PROPERTY, backend)
        .selectors(selectClass(WithDefaultBackend.class))
        .execute();
  }

  /** A fixture, run only through the engine above (Surefire skips nested classes). */
  @WithKafkaBroker
  static class WithDefaultBackend {
    @Test
    void usesKafka(TestKafka kafka) {
      assertThat(kafka.bootstrapServers()).isNotBlank();
    }
  }
}

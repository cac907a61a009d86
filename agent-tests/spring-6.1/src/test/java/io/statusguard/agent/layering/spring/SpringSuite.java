package io.statusguard.agent.layering.spring;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;

/**
 * Spring's clients over one client the agent instruments: Spring itself is never instrumented, so
 * every physical attempt must be recorded once, by the client underneath, with that client's
 * {@code client.library}, and never a second time for the same response.
 */
abstract class SpringSuite extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return SpringScenarioMain.class;
  }
}

package io.statusguard.agent.layering.spring;

import io.statusguard.agent.testsupport.ScenarioApp;

/** The scenario application with Spring's clients; modes as in {@link SpringClients}. */
public final class SpringScenarioMain {
  private SpringScenarioMain() {}

  public static void main(String[] args) throws Exception {
    ScenarioApp.run(args, SpringClients::create);
  }
}

package io.statusguard.agent.it;

import io.statusguard.agent.testsupport.ScenarioApp;

/** The scenario application with the JDK's clients; modes as in {@link JdkClients}. */
public final class JdkScenarioMain {
  private JdkScenarioMain() {}

  public static void main(String[] args) throws Exception {
    ScenarioApp.run(args, JdkClients::create);
  }
}

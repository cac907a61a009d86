package io.statusguard.agent.instrumentation.jetty;

import io.statusguard.agent.testsupport.ScenarioApp;

/** The scenario application with Jetty's {@code HttpClient}; modes as in {@link JettyClients}. */
public final class JettyScenarioMain {
  private JettyScenarioMain() {}

  public static void main(String[] args) throws Exception {
    ScenarioApp.run(args, JettyClients::create);
  }
}

package io.statusguard.agent.instrumentation.reactornetty;

import io.statusguard.agent.testsupport.ScenarioApp;

/** The scenario application with Reactor Netty; modes as in {@link ReactorNettyClients}. */
public final class ReactorNettyScenarioMain {
  private ReactorNettyScenarioMain() {}

  public static void main(String[] args) throws Exception {
    ScenarioApp.run(args, ReactorNettyClients::create);
  }
}

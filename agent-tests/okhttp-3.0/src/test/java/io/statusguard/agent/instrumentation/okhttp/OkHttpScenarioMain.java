package io.statusguard.agent.instrumentation.okhttp;

import io.statusguard.agent.testsupport.ScenarioApp;

/** The scenario application with OkHttp; modes as in {@link OkHttpClients}. */
public final class OkHttpScenarioMain {
  private OkHttpScenarioMain() {}

  public static void main(String[] args) throws Exception {
    ScenarioApp.run(args, OkHttpClients::create);
  }
}

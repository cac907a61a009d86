package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.testsupport.ScenarioApp;

/** The scenario application with Apache HttpClient 5; modes as in {@link ApacheHttpClient5Clients}. */
public final class ApacheHttpClient5ScenarioMain {
  private ApacheHttpClient5ScenarioMain() {}

  public static void main(String[] args) throws Exception {
    ScenarioApp.run(args, ApacheHttpClient5Clients::create);
  }
}

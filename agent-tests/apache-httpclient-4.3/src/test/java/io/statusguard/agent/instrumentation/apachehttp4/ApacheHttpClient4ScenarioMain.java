package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.testsupport.ScenarioApp;

/** The scenario application with Apache HttpClient 4; modes as in {@link ApacheHttpClient4Clients}. */
public final class ApacheHttpClient4ScenarioMain {
  private ApacheHttpClient4ScenarioMain() {}

  public static void main(String[] args) throws Exception {
    ScenarioApp.run(args, ApacheHttpClient4Clients::create);
  }
}

package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.testsupport.ScenarioApp;

/** The scenario application with Apache HttpAsyncClient 4; see {@link ApacheHttpAsyncClient4Clients}. */
public final class ApacheHttpAsyncClient4ScenarioMain {
  private ApacheHttpAsyncClient4ScenarioMain() {}

  public static void main(String[] args) throws Exception {
    ScenarioApp.run(args, ApacheHttpAsyncClient4Clients::create);
  }
}

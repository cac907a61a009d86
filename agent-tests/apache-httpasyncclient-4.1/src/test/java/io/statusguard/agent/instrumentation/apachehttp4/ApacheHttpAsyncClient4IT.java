package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import java.util.List;

/** Apache HttpAsyncClient 4: a client from {@code HttpAsyncClients.custom()}, on the module's version. */
class ApacheHttpAsyncClient4IT extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return ApacheHttpAsyncClient4ScenarioMain.class;
  }

  @Override
  protected String library() {
    return "apache-httpasyncclient-4";
  }

  @Override
  protected List<String> modes() {
    return List.of("async");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

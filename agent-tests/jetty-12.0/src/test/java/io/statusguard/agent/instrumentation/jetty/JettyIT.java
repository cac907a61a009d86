package io.statusguard.agent.instrumentation.jetty;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import java.util.List;

/** Jetty's {@code HttpClient}: blocking and listener-based, on the version of the module running it. */
class JettyIT extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return JettyScenarioMain.class;
  }

  @Override
  protected String library() {
    return "jetty-httpclient";
  }

  @Override
  protected List<String> modes() {
    return List.of("blocking", "listener");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

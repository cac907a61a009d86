package io.statusguard.agent.instrumentation.apachehttp4;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import java.util.List;

/**
 * Apache HttpClient 4: a client from {@code HttpClients.custom()}, and the deprecated
 * {@code DefaultHttpClient} that older applications still use, on the version of the module running
 * it.
 */
class ApacheHttpClient4IT extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return ApacheHttpClient4ScenarioMain.class;
  }

  @Override
  protected String library() {
    return "apache-httpclient-4";
  }

  @Override
  protected List<String> modes() {
    return List.of("builder", "legacy");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

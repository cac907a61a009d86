package io.statusguard.agent.it;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import java.util.List;

/**
 * {@code HttpURLConnection} and {@code HttpsURLConnection}, read through {@code getResponseCode},
 * {@code getInputStream} and {@code getErrorStream}.
 */
class UrlConnectionIT extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return JdkScenarioMain.class;
  }

  @Override
  protected String library() {
    return "jdk-urlconnection";
  }

  @Override
  protected List<String> modes() {
    return List.of("urlconnection");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

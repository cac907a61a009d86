package io.statusguard.agent.it;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import java.util.List;

/** {@code java.net.http.HttpClient}: {@code send} and {@code sendAsync}, over HTTP/1.1. */
class JdkHttpClientIT extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return JdkScenarioMain.class;
  }

  @Override
  protected String library() {
    return "jdk-httpclient";
  }

  @Override
  protected List<String> modes() {
    return List.of("httpclient-sync", "httpclient-async");
  }
}

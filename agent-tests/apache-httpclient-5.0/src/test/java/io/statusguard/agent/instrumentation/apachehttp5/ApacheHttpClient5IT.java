package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import java.util.List;

/**
 * Apache HttpClient 5, classic and async (one {@code client.library} for both), on the version of the
 * module running it.
 */
class ApacheHttpClient5IT extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return ApacheHttpClient5ScenarioMain.class;
  }

  @Override
  protected String library() {
    return "apache-httpclient-5";
  }

  @Override
  protected List<String> modes() {
    return List.of("classic", "async");
  }
}

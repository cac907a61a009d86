package io.statusguard.agent.it;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import java.util.List;

/**
 * {@code java.net.http.HttpClient}: {@code send} and {@code sendAsync}, over HTTP/1.1, the provider's
 * error bodies read as a stream ({@code send}) or whole ({@code sendAsync}).
 */
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

  /** Both: the advice depends on the JDK's internals, and each mode takes another path through them. */
  @Override
  protected List<String> jdk25Modes() {
    return modes();
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

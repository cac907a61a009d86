package io.statusguard.agent.instrumentation.okhttp;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import java.util.List;

/** OkHttp: {@code execute()} and {@code enqueue()}, on the version of the module running it. */
class OkHttpIT extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return OkHttpScenarioMain.class;
  }

  @Override
  protected String library() {
    return "okhttp";
  }

  @Override
  protected List<String> modes() {
    return List.of("sync", "async");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

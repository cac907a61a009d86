package io.statusguard.agent.layering.spring;

import java.util.List;

/** {@code RestTemplate} as most applications create it: over {@code HttpURLConnection}. */
class RestTemplateOverUrlConnectionIT extends SpringSuite {
  @Override
  protected String library() {
    return "jdk-urlconnection";
  }

  @Override
  protected List<String> modes() {
    return List.of("resttemplate");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

package io.statusguard.agent.layering.spring;

import java.util.List;

/** {@code RestClient} over Jetty's {@code HttpClient}. */
class RestClientOverJettyIT extends SpringSuite {
  @Override
  protected String library() {
    return "jetty-httpclient";
  }

  @Override
  protected List<String> modes() {
    return List.of("restclient-jetty");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

package io.statusguard.agent.layering.spring;

import java.util.List;

/** {@code WebClient} and {@code RestClient} over Reactor Netty. */
class SpringOverReactorNettyIT extends SpringSuite {
  @Override
  protected String library() {
    return "reactor-netty";
  }

  @Override
  protected List<String> modes() {
    return List.of("webclient-reactor", "restclient-reactor");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

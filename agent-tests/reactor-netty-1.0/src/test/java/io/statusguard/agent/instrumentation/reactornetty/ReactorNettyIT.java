package io.statusguard.agent.instrumentation.reactornetty;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import java.util.List;

/** Reactor Netty's {@code HttpClient}, on the version of the module running it. */
class ReactorNettyIT extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return ReactorNettyScenarioMain.class;
  }

  @Override
  protected String library() {
    return "reactor-netty";
  }

  @Override
  protected List<String> modes() {
    return List.of("block", "future");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }
}

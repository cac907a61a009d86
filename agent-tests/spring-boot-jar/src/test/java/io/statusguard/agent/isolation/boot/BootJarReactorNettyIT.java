package io.statusguard.agent.isolation.boot;

import java.util.List;

/** {@code WebClient} over Reactor Netty, whose classes load from {@code BOOT-INF/lib}. */
class BootJarReactorNettyIT extends BootJarSuite {
  @Override
  protected String library() {
    return "reactor-netty";
  }

  @Override
  protected List<String> modes() {
    return List.of("webclient");
  }
}

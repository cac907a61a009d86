package io.statusguard.agent.isolation.boot;

import java.util.List;

/** {@code RestTemplate} from Spring Boot's builder over {@code HttpURLConnection}, a JDK class. */
class BootJarUrlConnectionIT extends BootJarSuite {
  @Override
  protected String library() {
    return "jdk-urlconnection";
  }

  @Override
  protected List<String> modes() {
    return List.of("resttemplate");
  }
}

package io.statusguard.agent.isolation.boot;

import java.util.List;

/** {@code RestClient} over Apache HttpClient 5, whose classes load from {@code BOOT-INF/lib}. */
class BootJarApacheHttpClient5IT extends BootJarSuite {
  @Override
  protected String library() {
    return "apache-httpclient-5";
  }

  @Override
  protected List<String> modes() {
    return List.of("restclient-apache");
  }
}

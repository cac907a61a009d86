package io.statusguard.agent.layering.spring;

import io.statusguard.agent.testsupport.PublishedEvent;
import io.statusguard.agent.testsupport.Run;
import java.util.List;

/** {@code RestClient} over the JDK's {@code HttpClient}. */
class RestClientOverJdkHttpClientIT extends SpringSuite {
  @Override
  protected String library() {
    return "jdk-httpclient";
  }

  @Override
  protected List<String> modes() {
    return List.of("restclient-jdk");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }

  /**
   * From 6.2 on, Spring times the JDK client out by cancelling the exchange's future (its
   * {@code JdkClientHttpRequest.TimeoutHandler}) rather than with the request's own timeout: the
   * attempt ends cancelled, which is {@code _OTHER}, although the application gets an
   * {@code HttpTimeoutException} from Spring.
   */
  @Override
  protected List<PublishedEvent> expectedEvents(String mode, Run run) {
    if (!springCancelsOnTimeout()) {
      return super.expectedEvents(mode, run);
    }
    return super.expectedEvents(mode, run).stream()
        .map(event -> "timeout".equals(event.errorType())
            ? new PublishedEvent(event.library(), event.method(), event.scheme(), event.host(),
                event.port(), event.template(), event.operation(), event.queryNames(),
                event.status(), "_OTHER")
            : event)
        .toList();
  }

  private static boolean springCancelsOnTimeout() {
    try {
      Class.forName("org.springframework.http.client.JdkClientHttpRequest$TimeoutHandler");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}

package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.testsupport.AbstractHttpClientIT;
import io.statusguard.agent.testsupport.ErrorBodyEvent;
import io.statusguard.agent.testsupport.ErrorBodyScenarios;
import java.util.ArrayList;
import java.util.List;

/**
 * Apache HttpClient 5, classic and async (one {@code client.library} for both), on the version of the
 * module running it.
 */
class ApacheHttpClient5IT extends AbstractHttpClientIT {
  @Override
  protected Class<?> scenarioMain() {
    return ApacheHttpClient5ScenarioMain.class;
  }

  @Override
  protected String library() {
    return "apache-httpclient-5";
  }

  @Override
  protected List<String> modes() {
    return List.of("classic", "async");
  }

  @Override
  protected boolean capturesErrorBodies() {
    return true;
  }

  /**
   * HttpClient 5 retries a 429 once by default ({@code DefaultHttpRequestRetryStrategy}), and the
   * provider sees both attempts: two events. The classic client closes the first response unread, so
   * that event has its body's format (from its type) but no fields; the async client receives the
   * first body all the same (and discards it), so that event has them.
   */
  @Override
  protected List<ErrorBodyEvent> expectedErrorBodyEvents(String mode, ErrorBodyEvent unread) {
    List<ErrorBodyEvent> events = new ArrayList<>(super.expectedErrorBodyEvents(mode, unread));
    ErrorBodyEvent retried = ErrorBodyScenarios.LIMITS_LOCK;
    events.add(mode.equals("async") ? retried : new ErrorBodyEvent(retried.method(),
        retried.operation(), retried.template(), retried.status(), retried.contentType(),
        retried.bodyFormat(), 0, null, null));
    return events;
  }
}

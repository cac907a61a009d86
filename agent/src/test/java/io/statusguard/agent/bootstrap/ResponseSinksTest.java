package io.statusguard.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseSinksTest {
  @AfterEach
  void reset() {
    ResponseSinks.deactivate();
  }

  @Test
  void discardsUntilActivated() {
    assertThat(ResponseSinks.active()).isSameAs(ResponseSink.NONE);

    ResponseSink.NONE.onResponse(ResponseObservation.ofHttpClient("GET", URI.create("http://h/"),
        200, null, 0, 1, null));
    Object bodyHandler = new Object();
    assertThat(ResponseSink.NONE.onExchange("GET", URI.create("http://h/"), bodyHandler, 0))
        .isSameAs(bodyHandler);
    assertThat(ResponseSink.NONE.onResponseBody(ResponseObservation.ofHttpClient("GET",
        URI.create("http://h/"), 404, null, 0, 1, null), null)).isNull();
  }

  @Test
  void reportsToTheActiveSinkUntilDeactivated() {
    List<ResponseObservation> seen = new ArrayList<>();
    ResponseSink recording = new ResponseSink() {
      @Override
      public void onResponse(ResponseObservation observation) {
        seen.add(observation);
      }

      @Override
      public Object onExchange(String method, URI uri, Object bodyHandler, long startNanos) {
        return bodyHandler;
      }

      @Override
      public BodyTap onResponseBody(ResponseObservation observation, String contentEncoding) {
        return null;
      }
    };
    ResponseObservation observation = ResponseObservation.ofHttpClient("GET",
        URI.create("http://h/"), 200, null, 0, 1, null);

    ResponseSinks.activate(recording);
    ResponseSinks.active().onResponse(observation);
    ResponseSinks.deactivate();
    ResponseSinks.active().onResponse(observation);

    assertThat(seen).containsExactly(observation);
  }
}

package io.statusguard.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    ResponseSink.NONE.onExchange(new CompletableFuture<>(), "GET", URI.create("http://h/"), 0);
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
      public void onExchange(CompletableFuture<?> response, String method, URI uri,
          long startNanos) {}

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

package io.statusguard.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.body.CapturePolicy;
import io.statusguard.agent.body.PendingBodies;
import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseRecorderTest {
  private final List<ResponseObservation> queued = new ArrayList<>();
  private final PendingBodies pending = PendingBodies.create(2000, queued::add);

  private static ResponseObservation status(int status) {
    return ResponseObservation.ofHttpClient("GET", URI.create("http://provider.test/v1"), status,
        null, 0, 1, "application/json");
  }

  @Test
  void aSuccessIsQueuedAtOnceWithoutATap() {
    ResponseRecorder recorder = new ResponseRecorder(queued::add, CapturePolicy.everyHost(), pending);
    ResponseObservation ok = status(200);

    assertThat(recorder.onResponseBody(ok, null)).isNull();

    assertThat(queued).containsExactly(ok);
    assertThat(pending.openCount()).isZero();
  }

  @Test
  void anErrorGetsATapAndIsQueuedWithItsBodyWhenTheTapEnds() {
    ResponseRecorder recorder = new ResponseRecorder(queued::add, CapturePolicy.everyHost(), pending);
    ResponseObservation notFound = status(404);

    BodyTap tap = recorder.onResponseBody(notFound, "gzip");
    assertThat(tap).isNotNull();
    assertThat(tap.contentEncoding()).isEqualTo("gzip");
    assertThat(queued).isEmpty();
    tap.endOfBody();

    assertThat(queued).singleElement().satisfies(observation -> {
      assertThat(observation.body()).isSameAs(tap);
      assertThat(observation.status()).isEqualTo(404);
    });
  }

  @Test
  void withCaptureOffAnErrorIsQueuedAtOnce() {
    ResponseRecorder recorder = new ResponseRecorder(queued::add, CapturePolicy.NONE, pending);
    ResponseObservation notFound = status(404);

    assertThat(recorder.onResponseBody(notFound, null)).isNull();
    assertThat(new ResponseRecorder(queued::add).onResponseBody(status(409), null)).isNull();

    assertThat(queued).hasSize(2).first().isSameAs(notFound);
  }
}

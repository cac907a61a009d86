package io.statusguard.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseSinks;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The body-tap scenarios every advised client passes against {@link ErrorBodyServer}: what the
 * application reads is unchanged, each error body is captured up to the bound, and a success is
 * reported without a tap. A subclass names the client's advice and says how its application reads a
 * body; the server and the sink live here, once.
 */
public abstract class BodyTapScenarios {
  protected final RecordingBodySink sink = new RecordingBodySink();
  protected ErrorBodyServer server;

  /** The application's whole body of a GET of {@code url}, read with the advised client. */
  protected abstract byte[] get(String url);

  @BeforeEach
  void startServerAndSink() throws IOException {
    server = ErrorBodyServer.start();
    ResponseSinks.activate(sink);
  }

  @AfterEach
  void stopServerAndSink() {
    ResponseSinks.deactivate();
    server.close();
  }

  @Test
  void anErrorBodyIsCapturedWholeAsItReachesTheApplication() throws InterruptedException {
    byte[] read = get(server.url("/not-found"));

    assertThat(read).isEqualTo(ErrorBodyServer.NOT_FOUND);
    assertThat(sink.awaitReported(1)).hasSize(1);
    BodyTap tap = sink.onlyTap();
    assertThat(tap.capturedBytes()).isEqualTo(ErrorBodyServer.NOT_FOUND);
    assertThat(tap.reachedEndOfBody()).isTrue();
    // The server sends this body unencoded: the tap must not claim an encoding.
    assertThat(tap.contentEncoding()).isNull();
    assertThat(tap.observation().status()).isEqualTo(404);
  }

  @Test
  void aSuccessIsReportedWithoutATap() throws InterruptedException {
    assertThat(get(server.url("/ok"))).isEqualTo(ErrorBodyServer.OK);

    assertThat(sink.awaitReported(1)).singleElement()
        .satisfies(observation -> assertThat(observation.status()).isEqualTo(200));
    assertThat(sink.taps()).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheBoundReachesTheApplicationWhole() throws InterruptedException {
    assertThat(get(server.url("/big"))).isEqualTo(ErrorBodyServer.BIG);

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().capturedBytes())
        .isEqualTo(Arrays.copyOf(ErrorBodyServer.BIG, BodyTap.MAX_CAPTURED_BYTES));
    assertThat(sink.onlyTap().reachedEndOfBody()).isTrue();
  }
}

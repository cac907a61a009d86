package io.statusguard.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseSinks;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The body-tap scenarios of a client that hands the application each body whole (an async consumer, a
 * reactive receiver), against {@link ErrorBodyServer}: what the application reads is unchanged, and
 * each error body is captured up to the bound and ends its tap. A subclass names the client's advice
 * and says how its application reads a body; the server and the sink live here, once.
 */
public abstract class WholeBodyTapScenarios {
  protected final RecordingBodySink sink = new RecordingBodySink();
  protected ErrorBodyServer server;

  /** The application's body of a GET of {@code url}, read with the advised client. */
  protected abstract byte[] get(String url);

  /** {@code Function<String, byte[]>} as a class, for {@link AdvisedClassLoader#newInstance}. */
  @SuppressWarnings("unchecked")
  protected static Class<Function<String, byte[]>> functionType() {
    return (Class<Function<String, byte[]>>) (Class<?>) Function.class;
  }

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
    assertThat(tap.observation().status()).isEqualTo(404);
  }

  @Test
  void aSuccessIsReportedWithoutATap() throws InterruptedException {
    assertThat(get(server.url("/ok"))).isEqualTo(ErrorBodyServer.OK);

    assertThat(sink.awaitReported(1)).hasSize(1);
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

  @Test
  void anEncodedBodyIsCapturedWithItsContentEncoding() throws InterruptedException {
    byte[] read = get(server.url("/gzip"));

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().contentEncoding()).isEqualTo("gzip");
    assertThat(sink.onlyTap().capturedBytes()).isEqualTo(read);
  }

  @Test
  void anErrorWithoutABodyEndsItsTap() throws InterruptedException {
    assertThat(get(server.url("/empty"))).isEmpty();

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().isEnded()).isTrue();
    assertThat(sink.onlyTap().capturedBytes()).isEmpty();
    assertThat(sink.onlyTap().reachedEndOfBody()).isTrue();
  }
}

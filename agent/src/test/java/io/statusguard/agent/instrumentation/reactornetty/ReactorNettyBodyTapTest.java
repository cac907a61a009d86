package io.statusguard.agent.instrumentation.reactornetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseSinks;
import io.statusguard.agent.instrumentation.AdvisedClassLoader;
import io.statusguard.agent.instrumentation.ErrorBodyServer;
import io.statusguard.agent.instrumentation.RecordingBodySink;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

/**
 * Reactor Netty 1.0.0 (the oldest version claimed) with the advice inlined, against a real server:
 * each error body is tapped as its pieces reach the application's receiver, which gets the same bytes
 * as without the agent. The integration tests in {@code agent-tests/reactor-netty-*} run the same on
 * 1.3.
 */
class ReactorNettyBodyTapTest {
  /**
   * One for the class, with a Netty of its own: Reactor Netty registers its Netty attribute keys once
   * per Netty, and other tests load Reactor Netty too.
   */
  private static Function<String, byte[]> app;

  private final RecordingBodySink sink = new RecordingBodySink();
  private ErrorBodyServer server;

  @BeforeAll
  static void defineApplication() {
    app = AdvisedClassLoader.of(List.of(new HttpObserverInstrumentation(),
            new HttpIoHandlerObserverInstrumentation(), new HttpClientHandlerInstrumentation(),
            new HttpClientOperationsInstrumentation()),
            "reactor.netty.", "io.netty.", Application.class.getName())
        .newInstance(Application.class, function());
  }

  @BeforeEach
  void start() throws IOException {
    server = ErrorBodyServer.start();
    ResponseSinks.activate(sink);
  }

  @AfterEach
  void stop() {
    ResponseSinks.deactivate();
    server.close();
  }

  @Test
  void anErrorBodyIsCapturedAsItReachesTheReceiver() throws InterruptedException {
    byte[] read = app.apply(server.url("/not-found"));

    assertThat(read).isEqualTo(ErrorBodyServer.NOT_FOUND);
    assertThat(sink.awaitReported(1)).hasSize(1);
    BodyTap tap = sink.onlyTap();
    assertThat(tap.capturedBytes()).isEqualTo(ErrorBodyServer.NOT_FOUND);
    assertThat(tap.reachedEndOfBody()).isTrue();
    assertThat(tap.observation().status()).isEqualTo(404);
  }

  @Test
  void aSuccessIsReportedWithoutATap() throws InterruptedException {
    assertThat(app.apply(server.url("/ok"))).isEqualTo(ErrorBodyServer.OK);

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.taps()).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheBoundReachesTheApplicationWhole() throws InterruptedException {
    assertThat(app.apply(server.url("/big"))).isEqualTo(ErrorBodyServer.BIG);

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().capturedBytes())
        .isEqualTo(Arrays.copyOf(ErrorBodyServer.BIG, BodyTap.MAX_CAPTURED_BYTES));
    assertThat(sink.onlyTap().reachedEndOfBody()).isTrue();
  }

  @Test
  void anEncodedBodyIsCapturedWithItsContentEncoding() throws InterruptedException {
    byte[] read = app.apply(server.url("/gzip"));

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().contentEncoding()).isEqualTo("gzip");
    assertThat(sink.onlyTap().capturedBytes()).isEqualTo(read);
  }

  @Test
  void anErrorWithoutABodyEndsItsTap() throws InterruptedException {
    assertThat(app.apply(server.url("/empty"))).isEmpty();

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().isEnded()).isTrue();
    assertThat(sink.onlyTap().capturedBytes()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Class<Function<String, byte[]>> function() {
    return (Class<Function<String, byte[]>>) (Class<?>) Function.class;
  }

  /** The application, defined with Reactor Netty by the advised loader: the body of a GET. */
  public static final class Application implements Function<String, byte[]> {
    private final HttpClient client = HttpClient.create();

    @Override
    public byte[] apply(String url) {
      return client.get().uri(url)
          .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0]))
          .block(Duration.ofSeconds(10));
    }
  }
}

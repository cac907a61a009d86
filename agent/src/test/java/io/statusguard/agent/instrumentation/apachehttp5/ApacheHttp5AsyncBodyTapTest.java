package io.statusguard.agent.instrumentation.apachehttp5;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseSinks;
import io.statusguard.agent.instrumentation.AdvisedClassLoader;
import io.statusguard.agent.instrumentation.ErrorBodyServer;
import io.statusguard.agent.instrumentation.RecordingBodySink;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequests;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HttpClient 5.0's async client (the oldest version claimed) with the advice inlined, against a
 * real server: each error body is tapped as it streams to the application's consumer, which gets the
 * same bytes as without the agent. The integration tests in {@code agent-tests/apache-httpclient-5.*}
 * run the same on the newest version.
 */
class ApacheHttp5AsyncBodyTapTest {
  private final RecordingBodySink sink = new RecordingBodySink();
  private ErrorBodyServer server;
  private AdvisedClassLoader loader;
  private Function<String, byte[]> app;

  @BeforeEach
  void start() throws IOException {
    server = ErrorBodyServer.start();
    ResponseSinks.activate(sink);
    loader = AdvisedClassLoader.of(List.of(new AsyncAttemptInstrumentation(),
        AsyncBodyInstrumentation.negotiating(), AsyncBodyInstrumentation.http2Only()),
        "org.apache.hc.", Application.class.getName());
    app = loader.newInstance(Application.class, function());
  }

  @AfterEach
  void stop() throws Exception {
    ((AutoCloseable) app).close();
    ResponseSinks.deactivate();
    server.close();
  }

  @Test
  void anErrorBodyIsCapturedAsItStreamsToTheConsumer() throws InterruptedException {
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
  void anErrorWithoutABodyEndsItsTapAtOnce() throws InterruptedException {
    assertThat(app.apply(server.url("/empty"))).isEmpty();

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().capturedBytes()).isEmpty();
    assertThat(sink.onlyTap().reachedEndOfBody()).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static Class<Function<String, byte[]>> function() {
    return (Class<Function<String, byte[]>>) (Class<?>) Function.class;
  }

  /** The application, defined with HttpClient 5 by the advised loader: the body of a GET. */
  public static final class Application implements Function<String, byte[]>, AutoCloseable {
    private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

    public Application() {
      client.start();
    }

    @Override
    public byte[] apply(String url) {
      try {
        SimpleHttpResponse response =
            client.execute(SimpleHttpRequests.get(url), null).get(10, TimeUnit.SECONDS);
        byte[] body = response.getBodyBytes();
        return body == null ? new byte[0] : body;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      client.close(CloseMode.IMMEDIATE);
    }
  }
}

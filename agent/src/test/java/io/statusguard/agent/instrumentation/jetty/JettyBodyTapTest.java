package io.statusguard.agent.instrumentation.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.instrumentation.AdvisedClassLoader;
import io.statusguard.agent.instrumentation.BodyTapScenarios;
import io.statusguard.agent.instrumentation.ErrorBodyServer;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jetty 12.0.0's {@code HttpClient} (the oldest version claimed) with the advice inlined, against a
 * real server: the first bytes of each error body are held as they are received and reported with the
 * exchange when it ends, once, and the application reads the same bytes as without the agent. The
 * integration tests in {@code agent-tests/jetty-12.*} run the same on 12.1.
 */
class JettyBodyTapTest extends BodyTapScenarios {
  private static BiFunction<String, Integer, byte[]> app;

  @BeforeAll
  static void defineApplication() {
    app = AdvisedClassLoader.of(List.of(new HttpExchangeInstrumentation(),
            new HttpReceiverInstrumentation()),
            "org.eclipse.jetty.", Application.class.getName())
        .newInstance(Application.class, biFunction());
  }

  @AfterAll
  static void stopApplication() throws IOException {
    ((Closeable) app).close();
  }

  @Override
  protected byte[] get(String url) {
    return app.apply(url, -1);
  }

  @Test
  void aBodyClosedAfterItsFirstBytesIsReportedOnceWithWhatArrived() throws InterruptedException {
    byte[] read = app.apply(server.url("/big"), 100);

    assertThat(read).isEqualTo(Arrays.copyOf(ErrorBodyServer.BIG, 100));
    assertThat(sink.awaitReported(1)).hasSize(1);
    byte[] captured = sink.onlyTap().capturedBytes();
    assertThat(captured.length).isBetween(100, BodyTap.MAX_CAPTURED_BYTES);
    assertThat(captured).isEqualTo(Arrays.copyOf(ErrorBodyServer.BIG, captured.length));
  }

  @Test
  void aGzippedBodyIsCapturedAsReceivedBeforeJettyDecodesIt() throws Exception {
    byte[] read = app.apply(server.url("/gzip"), -1);

    assertThat(read).isEqualTo(ErrorBodyServer.NOT_FOUND);
    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().contentEncoding()).isEqualTo("gzip");
    try (GZIPInputStream gunzip =
        new GZIPInputStream(new ByteArrayInputStream(sink.onlyTap().capturedBytes()))) {
      assertThat(gunzip.readAllBytes()).isEqualTo(ErrorBodyServer.NOT_FOUND);
    }
  }

  @Test
  void anErrorWithoutABodyIsReportedOnce() throws InterruptedException {
    assertThat(app.apply(server.url("/empty"), -1)).isEmpty();

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().capturedBytes()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Class<BiFunction<String, Integer, byte[]>> biFunction() {
    return (Class<BiFunction<String, Integer, byte[]>>) (Class<?>) BiFunction.class;
  }

  /**
   * The application, defined with Jetty by the advised loader: reads the body of a GET through an
   * {@code InputStreamResponseListener}, all of it or only its first bytes (then closes it).
   */
  public static final class Application
      implements BiFunction<String, Integer, byte[]>, Closeable {
    private final HttpClient client = new HttpClient();

    public Application() throws Exception {
      client.start();
    }

    @Override
    public byte[] apply(String url, Integer limit) {
      InputStreamResponseListener listener = new InputStreamResponseListener();
      client.newRequest(url).send(listener);
      try {
        listener.get(10, TimeUnit.SECONDS);
        try (InputStream body = listener.getInputStream()) {
          return limit < 0 ? body.readAllBytes() : body.readNBytes(limit);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        client.stop();
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }
}

package io.statusguard.agent.instrumentation.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.instrumentation.AdvisedClassLoader;
import io.statusguard.agent.instrumentation.BodyTapScenarios;
import io.statusguard.agent.instrumentation.ErrorBodyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OkHttp 3.4 (the oldest version claimed) with the advice inlined, against a real server: error
 * bodies are tapped as the application reads them, and the application reads the same bytes as
 * without the agent. The integration tests in {@code agent-tests/okhttp-*} run the same on every
 * major.
 */
class OkHttpBodyTapTest extends BodyTapScenarios {
  private BiFunction<String, Integer, byte[]> app;

  @BeforeEach
  void defineApplication() {
    app = AdvisedClassLoader.of(List.of(new OkHttpInstrumentation()), "okhttp3.", "okio.",
            Application.class.getName())
        .newInstance(Application.class, biFunction());
  }

  @Override
  protected byte[] get(String url) {
    return app.apply(url, -1);
  }

  @Test
  void aBodyClosedAfterItsFirstBytesEndsTheTapWithWhatWasRead() throws InterruptedException {
    byte[] read = app.apply(server.url("/big"), 100);

    assertThat(read).isEqualTo(Arrays.copyOf(ErrorBodyServer.BIG, 100));
    assertThat(sink.awaitReported(1)).hasSize(1);
    BodyTap tap = sink.onlyTap();
    assertThat(tap.isEnded()).isTrue();
    assertThat(tap.reachedEndOfBody()).isFalse();
    byte[] captured = tap.capturedBytes();
    assertThat(captured.length).isBetween(100, BodyTap.MAX_CAPTURED_BYTES);
    assertThat(captured).isEqualTo(Arrays.copyOf(ErrorBodyServer.BIG, captured.length));
  }

  @Test
  void aGzippedBodyIsCapturedEncodedBelowTheTransparentGunzip() throws Exception {
    byte[] read = app.apply(server.url("/gzip"), -1);

    assertThat(read).isEqualTo(ErrorBodyServer.NOT_FOUND);
    assertThat(sink.awaitReported(1)).hasSize(1);
    BodyTap tap = sink.onlyTap();
    assertThat(tap.contentEncoding()).isEqualTo("gzip");
    try (GZIPInputStream gunzip =
        new GZIPInputStream(new ByteArrayInputStream(tap.capturedBytes()))) {
      assertThat(gunzip.readAllBytes()).isEqualTo(ErrorBodyServer.NOT_FOUND);
    }
  }

  @Test
  void anErrorWithoutABodyEndsItsTapWhenTheApplicationClosesIt() throws InterruptedException {
    byte[] read = app.apply(server.url("/empty"), -1);

    assertThat(read).isEmpty();
    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().capturedBytes()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Class<BiFunction<String, Integer, byte[]>> biFunction() {
    return (Class<BiFunction<String, Integer, byte[]>>) (Class<?>) BiFunction.class;
  }

  /**
   * The application, defined with OkHttp by the advised loader: gets a URL and reads its body, all of
   * it or only its first bytes (then closes it), and returns what it read.
   */
  public static final class Application implements BiFunction<String, Integer, byte[]> {
    private final OkHttpClient client = new OkHttpClient();

    @Override
    public byte[] apply(String url, Integer limit) {
      try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
        ResponseBody body = response.body();
        if (limit < 0) {
          return body.bytes();
        }
        return body.source().readByteArray(limit);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

package io.statusguard.agent.instrumentation.apachehttp5;

import io.statusguard.agent.instrumentation.AdvisedClassLoader;
import io.statusguard.agent.instrumentation.WholeBodyTapScenarios;
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

/**
 * HttpClient 5.0's async client (the oldest version claimed) with the advice inlined, against a
 * real server: each error body is tapped as it streams to the application's consumer, which gets the
 * same bytes as without the agent. The integration tests in {@code agent-tests/apache-httpclient-5.*}
 * run the same on the newest version.
 */
class ApacheHttp5AsyncBodyTapTest extends WholeBodyTapScenarios {
  private Function<String, byte[]> app;

  @BeforeEach
  void defineApplication() {
    app = AdvisedClassLoader.of(List.of(new AsyncAttemptInstrumentation(),
        AsyncBodyInstrumentation.negotiating(), AsyncBodyInstrumentation.http2Only()),
        "org.apache.hc.", Application.class.getName()).newInstance(Application.class, functionType());
  }

  @AfterEach
  void closeApplication() throws Exception {
    ((AutoCloseable) app).close();
  }

  @Override
  protected byte[] get(String url) {
    return app.apply(url);
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

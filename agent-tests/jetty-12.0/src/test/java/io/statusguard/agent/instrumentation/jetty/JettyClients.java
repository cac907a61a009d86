package io.statusguard.agent.instrumentation.jetty;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;
import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty 12's {@code HttpClient} as scenario clients (it follows redirects by default):
 * {@code blocking} calls {@code send()}, {@code listener} sends with a
 * {@code BufferingResponseListener} and waits for its completion. The timeout is Jetty's total
 * request timeout. Uses only API that Jetty 12.0.0 to 12.1 all have, so that one source serves every
 * version module.
 */
final class JettyClients {
  private static final long AWAIT_SECONDS = 60;

  private JettyClients() {}

  static ScenarioClient create(String mode, SSLContext tls) {
    SslContextFactory.Client sslContextFactory = new SslContextFactory.Client();
    sslContextFactory.setSslContext(tls);
    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(sslContextFactory);
    connector.setConnectTimeout(Duration.ofSeconds(5));
    HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty's HttpClient did not start", e);
    }
    return switch (mode) {
      case "blocking" -> new Blocking(client);
      case "listener" -> new Listening(client);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  /** Sends each request with {@code send()}, which waits for the buffered response. */
  private static class Blocking implements ScenarioClient {
    final HttpClient client;

    Blocking(HttpClient client) {
      this.client = client;
    }

    Request request(String url) {
      return client.newRequest(url)
          .headers(headers -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + SECRET_TOKEN));
    }

    String send(Request request) throws Exception {
      var response = request.send();
      return response.getStatus() + " " + response.getContentAsString().length() + " bytes";
    }

    @Override
    public String get(String url) throws Exception {
      return send(request(url));
    }

    @Override
    public String post(String url, String json) throws Exception {
      return send(request(url).method(HttpMethod.POST)
          .body(new StringRequestContent("application/json", json)));
    }

    @Override
    public String getWithTimeout(String url) throws Exception {
      return send(request(url).timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Reads the body through Jetty's {@code InputStreamResponseListener}; a body the application
     * leaves unread is one it lets {@code send()} buffer and never looks at.
     */
    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws Exception {
      Request request = request(url).method(method);
      if (json != null) {
        request.body(new StringRequestContent("application/json", json));
      }
      if (readLimit == READ_NONE) {
        return ScenarioClient.describeRead(request.send().getStatus(), null, readLimit);
      }
      InputStreamResponseListener listener = new InputStreamResponseListener();
      request.send(listener);
      Response response = listener.get(AWAIT_SECONDS, TimeUnit.SECONDS);
      try (InputStream body = listener.getInputStream()) {
        return ScenarioClient.describeRead(response.getStatus(), body, readLimit);
      }
    }

    /** Stops the client's threads, which are not daemons. */
    @Override
    public void close() throws IOException {
      try {
        client.stop();
      } catch (Exception e) {
        throw new IOException("Jetty's HttpClient did not stop", e);
      }
    }
  }

  /** Sends each request with a listener and waits for its completion, where the outcome is read. */
  private static final class Listening extends Blocking {
    Listening(HttpClient client) {
      super(client);
    }

    @Override
    String send(Request request) throws Exception {
      CompletableFuture<String> outcome = new CompletableFuture<>();
      request.send(new BufferingResponseListener() {
        @Override
        public void onComplete(Result result) {
          outcome.complete(result.isFailed()
              ? "failed with " + result.getFailure().getClass().getSimpleName()
              : result.getResponse().getStatus() + " " + getContentAsString().length() + " bytes");
        }
      });
      return outcome.get(AWAIT_SECONDS, TimeUnit.SECONDS);
    }
  }
}

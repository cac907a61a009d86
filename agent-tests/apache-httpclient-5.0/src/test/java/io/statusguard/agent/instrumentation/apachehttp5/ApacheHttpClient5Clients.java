package io.statusguard.agent.instrumentation.apachehttp5;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;
import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 as scenario clients: {@code classic} (a {@code CloseableHttpClient} from
 * {@code HttpClients.custom()}, reading each response with a handler) and {@code async} (a
 * {@code CloseableHttpAsyncClient} from {@code HttpAsyncClients.custom()} with simple requests, each
 * awaited; a failure is thrown as the future's cause). Uses only API that 5.0 to 5.6 all have, so
 * that one source serves both version modules.
 */
final class ApacheHttpClient5Clients {
  private static final long AWAIT_SECONDS = 60;

  private ApacheHttpClient5Clients() {}

  static ScenarioClient create(String mode, SSLContext tls) {
    return switch (mode) {
      case "classic" -> new Classic(tls);
      case "async" -> new Async(tls);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  private static RequestConfig impatient() {
    return RequestConfig.custom()
        .setResponseTimeout(Timeout.ofMilliseconds(TIMEOUT.toMillis()))
        .build();
  }

  private static String describe(int status, String body) {
    return status + " " + (body == null ? 0 : body.length()) + " bytes";
  }

  private static final class Classic implements ScenarioClient {
    final CloseableHttpClient client;

    // 5.0 has no other way to give the connection manager its TLS context than a socket factory,
    // which later versions deprecate.
    @SuppressWarnings("deprecation")
    Classic(SSLContext tls) {
      client = HttpClients.custom()
          .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
              .setSSLSocketFactory(SSLConnectionSocketFactoryBuilder.create()
                  .setSslContext(tls)
                  .build())
              .build())
          .build();
    }

    String call(HttpUriRequestBase request) throws IOException {
      request.setHeader("Authorization", "Bearer " + SECRET_TOKEN);
      return client.execute(request,
          response -> describe(response.getCode(), EntityUtils.toString(response.getEntity())));
    }

    @Override
    public String get(String url) throws IOException {
      return call(new HttpGet(url));
    }

    @Override
    public String post(String url, String json) throws IOException {
      HttpPost post = new HttpPost(url);
      post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
      return call(post);
    }

    @Override
    public String getWithTimeout(String url) throws IOException {
      HttpGet get = new HttpGet(url);
      get.setConfig(impatient());
      return call(get);
    }

    /**
     * Reads the entity's content in a response handler and closes it; the client then consumes
     * what is left, as it does after every handler.
     */
    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws IOException {
      HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(url));
      if (json != null) {
        request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
      }
      request.setHeader("Authorization", "Bearer " + SECRET_TOKEN);
      return client.execute(request, response -> {
        HttpEntity entity = response.getEntity();
        if (readLimit == READ_NONE || entity == null) {
          return ScenarioClient.describeRead(response.getCode(), null, readLimit);
        }
        try (InputStream in = entity.getContent()) {
          return ScenarioClient.describeRead(response.getCode(), in, readLimit);
        }
      });
    }

    @Override
    public void close() throws IOException {
      client.close();
    }
  }

  private static final class Async implements ScenarioClient {
    final CloseableHttpAsyncClient client;

    // ClientTlsStrategyBuilder.build() is all 5.0 has; later versions deprecate it for
    // buildAsync().
    @SuppressWarnings("deprecation")
    Async(SSLContext tls) {
      client = HttpAsyncClients.custom()
          .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
              .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).build())
              .build())
          .build();
      client.start();
    }

    String call(SimpleHttpRequest request) throws Exception {
      request.setHeader("Authorization", "Bearer " + SECRET_TOKEN);
      SimpleHttpResponse response;
      try {
        response = client.execute(request, null).get(AWAIT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
      return describe(response.getCode(), response.getBodyText());
    }

    @Override
    public String get(String url) throws Exception {
      return call(new SimpleHttpRequest("GET", URI.create(url)));
    }

    @Override
    public String post(String url, String json) throws Exception {
      SimpleHttpRequest post = new SimpleHttpRequest("POST", URI.create(url));
      post.setBody(json, ContentType.APPLICATION_JSON);
      return call(post);
    }

    @Override
    public String getWithTimeout(String url) throws Exception {
      SimpleHttpRequest get = new SimpleHttpRequest("GET", URI.create(url));
      get.setConfig(impatient());
      return call(get);
    }

    /**
     * Reads the simple response's body, which its consumer buffered before the response was handed
     * over, as an application using simple requests gets it.
     */
    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws Exception {
      SimpleHttpRequest request = new SimpleHttpRequest(method, URI.create(url));
      if (json != null) {
        request.setBody(json, ContentType.APPLICATION_JSON);
      }
      request.setHeader("Authorization", "Bearer " + SECRET_TOKEN);
      SimpleHttpResponse response;
      try {
        response = client.execute(request, null).get(AWAIT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
      byte[] body = response.getBodyBytes();
      return ScenarioClient.describeRead(response.getCode(),
          body == null || readLimit == READ_NONE ? null : new ByteArrayInputStream(body),
          readLimit);
    }

    @Override
    public void close() throws IOException {
      client.close();
    }
  }
}

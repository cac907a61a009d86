package io.statusguard.agent.instrumentation.apachehttp4;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;
import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.IOException;
import java.io.InputStream;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.conn.scheme.PlainSocketFactory;
import org.apache.http.conn.scheme.Scheme;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLSocketFactory;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingClientConnectionManager;
import org.apache.http.params.CoreConnectionPNames;
import org.apache.http.util.EntityUtils;

/**
 * Apache HttpClient 4 as scenario clients: {@code builder} (a client from {@code HttpClients.custom()},
 * which runs the exec chain) and {@code legacy} (the deprecated {@code DefaultHttpClient}, which runs
 * the old request director). Uses only API that HttpClient 4.3 to 4.5 all have, so that one source
 * serves both version modules.
 */
final class ApacheHttpClient4Clients {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private ApacheHttpClient4Clients() {}

  static ScenarioClient create(String mode, SSLContext tls) {
    return switch (mode) {
      case "builder" -> new Builder(tls);
      case "legacy" -> new Legacy(tls);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  /** Requests the way most applications do: execute, read the body, close the response. */
  private abstract static class Client implements ScenarioClient {
    final CloseableHttpClient client;

    Client(CloseableHttpClient client) {
      this.client = client;
    }

    abstract void expectAnswerWithin(HttpUriRequest request, int timeoutMillis);

    String call(HttpUriRequest request) throws IOException {
      request.setHeader("Authorization", "Bearer " + SECRET_TOKEN);
      HttpResponse response = client.execute(request);
      String body = EntityUtils.toString(response.getEntity());
      return response.getStatusLine().getStatusCode() + " " + body.length() + " bytes";
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
      expectAnswerWithin(get, (int) TIMEOUT.toMillis());
      return call(get);
    }

    /**
     * Reads the entity's content and closes it, or, reading none, closes the response: the builder's
     * client then drops the connection unread, the deprecated one consumes what is left.
     */
    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws IOException {
      HttpUriRequest request;
      if (json == null) {
        request = new HttpGet(url);
      } else {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        request = post;
      }
      request.setHeader("Authorization", "Bearer " + SECRET_TOKEN);
      try (CloseableHttpResponse response = client.execute(request)) {
        int status = response.getStatusLine().getStatusCode();
        HttpEntity entity = response.getEntity();
        if (readLimit == READ_NONE || entity == null) {
          return ScenarioClient.describeRead(status, null, readLimit);
        }
        try (InputStream in = entity.getContent()) {
          return ScenarioClient.describeRead(status, in, readLimit);
        }
      }
    }

    @Override
    public void close() throws IOException {
      client.close();
    }
  }

  private static final class Builder extends Client {
    Builder(SSLContext tls) {
      super(HttpClients.custom()
          .setSSLSocketFactory(new SSLConnectionSocketFactory(tls))
          .setDefaultRequestConfig(
              RequestConfig.custom().setConnectTimeout(CONNECT_TIMEOUT_MILLIS).build())
          .build());
    }

    @Override
    void expectAnswerWithin(HttpUriRequest request, int timeoutMillis) {
      ((HttpGet) request).setConfig(RequestConfig.custom()
          .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
          .setSocketTimeout(timeoutMillis)
          .build());
    }
  }

  @SuppressWarnings("deprecation") // the point: applications that still use the old API
  private static final class Legacy extends Client {
    Legacy(SSLContext tls) {
      super(legacyClient(tls));
    }

    private static DefaultHttpClient legacyClient(SSLContext tls) {
      SchemeRegistry schemes = new SchemeRegistry();
      schemes.register(new Scheme("http", 80, PlainSocketFactory.getSocketFactory()));
      schemes.register(new Scheme("https", 443, new SSLSocketFactory(tls)));
      DefaultHttpClient client = new DefaultHttpClient(new PoolingClientConnectionManager(schemes));
      client.getParams().setIntParameter(CoreConnectionPNames.CONNECTION_TIMEOUT,
          CONNECT_TIMEOUT_MILLIS);
      return client;
    }

    @Override
    void expectAnswerWithin(HttpUriRequest request, int timeoutMillis) {
      request.getParams().setIntParameter(CoreConnectionPNames.SO_TIMEOUT, timeoutMillis);
    }
  }
}

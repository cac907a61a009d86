package io.statusguard.agent.instrumentation.apachehttp4;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;
import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
import org.apache.http.impl.nio.client.HttpAsyncClients;
import org.apache.http.util.EntityUtils;

/**
 * Apache HttpAsyncClient 4 as a scenario client, mode {@code async}: a client from
 * {@code HttpAsyncClients.custom()}, each request awaited; a failure is thrown as the future's cause,
 * as an application that awaits it sees it. Uses only API that 4.1 to 4.1.5 all have.
 */
final class ApacheHttpAsyncClient4Clients {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final long AWAIT_SECONDS = 60;

  private ApacheHttpAsyncClient4Clients() {}

  static ScenarioClient create(String mode, SSLContext tls) {
    if (!mode.equals("async")) {
      throw new IllegalArgumentException("unknown mode " + mode);
    }
    CloseableHttpAsyncClient client = HttpAsyncClients.custom()
        .setSSLContext(tls)
        .setDefaultRequestConfig(
            RequestConfig.custom().setConnectTimeout(CONNECT_TIMEOUT_MILLIS).build())
        .build();
    client.start();
    return new Async(client);
  }

  private static final class Async implements ScenarioClient {
    final CloseableHttpAsyncClient client;

    Async(CloseableHttpAsyncClient client) {
      this.client = client;
    }

    String call(HttpUriRequest request) throws Exception {
      HttpResponse response = execute(request);
      String body = EntityUtils.toString(response.getEntity());
      return response.getStatusLine().getStatusCode() + " " + body.length() + " bytes";
    }

    HttpResponse execute(HttpUriRequest request) throws Exception {
      request.setHeader("Authorization", "Bearer " + SECRET_TOKEN);
      try {
        return client.execute(request, null).get(AWAIT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }

    /**
     * Reads the entity's stream; the default consumer has buffered the body before the response is
     * handed over, as an application using it gets it.
     */
    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws Exception {
      HttpResponse response = execute(RequestBuilder.create(method).setUri(url)
          .setEntity(json == null ? null : new StringEntity(json, ContentType.APPLICATION_JSON))
          .build());
      HttpEntity entity = response.getEntity();
      int status = response.getStatusLine().getStatusCode();
      if (readLimit == READ_NONE || entity == null) {
        return ScenarioClient.describeRead(status, null, readLimit);
      }
      try (InputStream body = entity.getContent()) {
        return ScenarioClient.describeRead(status, body, readLimit);
      }
    }

    @Override
    public String get(String url) throws Exception {
      return call(new HttpGet(url));
    }

    @Override
    public String post(String url, String json) throws Exception {
      HttpPost post = new HttpPost(url);
      post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
      return call(post);
    }

    @Override
    public String getWithTimeout(String url) throws Exception {
      HttpGet get = new HttpGet(url);
      get.setConfig(RequestConfig.custom()
          .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
          .setSocketTimeout((int) TIMEOUT.toMillis())
          .build());
      return call(get);
    }

    @Override
    public void close() throws IOException {
      client.close();
    }
  }
}

package io.statusguard.agent.it;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;
import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * The JDK's clients as scenario clients: {@code httpclient-sync} ({@code HttpClient.send}),
 * {@code httpclient-async} ({@code sendAsync}, awaited) and {@code urlconnection}.
 */
final class JdkClients {
  private JdkClients() {}

  static ScenarioClient create(String mode, SSLContext tls) {
    return switch (mode) {
      case "httpclient-sync" -> new HttpClientSync(tls);
      case "httpclient-async" -> new HttpClientAsync(tls);
      case "urlconnection" -> new UrlConnection(tls);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  private static final class HttpClientSync implements ScenarioClient {
    final HttpClient client;

    HttpClientSync(SSLContext tls) {
      client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .sslContext(tls)
          .build();
    }

    HttpRequest.Builder request(String url) {
      return HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Bearer " + SECRET_TOKEN);
    }

    String describe(HttpResponse<String> response) {
      return response.statusCode() + " " + response.body().length() + " bytes";
    }

    @Override
    public String get(String url) throws Exception {
      return describe(client.send(request(url).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    public String post(String url, String json) throws Exception {
      return describe(client.send(request(url).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    public String getWithTimeout(String url) throws Exception {
      return describe(client.send(request(url).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    /** Streams the body, as an application that reads it in pieces does. */
    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws Exception {
      HttpResponse<InputStream> response =
          client.send(request(method, url, json), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        return ScenarioClient.describeRead(response.statusCode(), body, readLimit);
      }
    }

    HttpRequest request(String method, String url, String json) {
      return json == null ? request(url).method(method, HttpRequest.BodyPublishers.noBody()).build()
          : request(url).header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    }
  }

  private static final class HttpClientAsync implements ScenarioClient {
    final HttpClientSync sync;

    HttpClientAsync(SSLContext tls) {
      sync = new HttpClientSync(tls);
    }

    String await(HttpRequest request) {
      return sync.client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .handle((response, failure) -> failure == null ? sync.describe(response)
              : "completed exceptionally with " + (failure instanceof CompletionException
                  ? failure.getCause().getClass().getSimpleName()
                  : failure.getClass().getSimpleName()))
          .join();
    }

    @Override
    public String get(String url) {
      return await(sync.request(url).build());
    }

    @Override
    public String post(String url, String json) {
      return await(sync.request(url).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Override
    public String getWithTimeout(String url) {
      return await(sync.request(url).timeout(TIMEOUT).build());
    }

    /** A body read whole arrives as one array; one read in part (or not at all) as a stream. */
    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws Exception {
      HttpRequest request = sync.request(method, url, json);
      if (readLimit < 0) {
        HttpResponse<byte[]> response =
            sync.client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).join();
        return ScenarioClient.describeRead(response.statusCode(),
            new ByteArrayInputStream(response.body()), readLimit);
      }
      HttpResponse<InputStream> response =
          sync.client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).join();
      try (InputStream body = response.body()) {
        return ScenarioClient.describeRead(response.statusCode(), body, readLimit);
      }
    }
  }

  /** Reads a response the way most applications do, then asks for it again in every other way. */
  private static final class UrlConnection implements ScenarioClient {
    final SSLContext tls;

    UrlConnection(SSLContext tls) {
      this.tls = tls;
    }

    HttpURLConnection open(String url) throws IOException {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      if (connection instanceof HttpsURLConnection) {
        ((HttpsURLConnection) connection).setSSLSocketFactory(tls.getSocketFactory());
      }
      connection.setRequestProperty("Authorization", "Bearer " + SECRET_TOKEN);
      connection.setConnectTimeout(5_000);
      return connection;
    }

    String exchange(HttpURLConnection connection) throws IOException {
      int status = connection.getResponseCode();
      String body;
      try (InputStream in =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String again;
      try {
        connection.getInputStream().close();
        again = "again ok";
      } catch (IOException e) {
        again = "again threw " + e.getClass().getSimpleName();
      }
      return status + " " + body.length() + " bytes, " + connection.getContentType() + ", "
          + connection.getResponseCode() + ", " + again;
    }

    @Override
    public String get(String url) throws IOException {
      return exchange(open(url));
    }

    @Override
    public String post(String url, String json) throws IOException {
      HttpURLConnection connection = open(url);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(json.getBytes(StandardCharsets.UTF_8));
      }
      return exchange(connection);
    }

    @Override
    public String getWithTimeout(String url) throws IOException {
      HttpURLConnection connection = open(url);
      connection.setReadTimeout((int) TIMEOUT.toMillis());
      return exchange(connection);
    }

    /** An error's body from {@code getErrorStream}, as most applications read one. */
    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws IOException {
      HttpURLConnection connection = open(url);
      connection.setRequestMethod(method);
      if (json != null) {
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
          out.write(json.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = connection.getResponseCode();
      if (readLimit == READ_NONE) {
        return ScenarioClient.describeRead(status, null, readLimit);
      }
      try (InputStream in =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        return ScenarioClient.describeRead(status, in, readLimit);
      }
    }
  }
}

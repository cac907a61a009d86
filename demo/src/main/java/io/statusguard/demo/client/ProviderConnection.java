package io.statusguard.demo.client;

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

/**
 * How the sample client reaches the provider, the way real integrations do: account calls go through
 * {@link HttpURLConnection} (an older SDK), transaction calls through {@link HttpClient}. Both are
 * instrumented by the agent; neither knows it.
 */
final class ProviderConnection {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI baseUri;
  private final String bearerToken;
  private final HttpClient httpClient =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  ProviderConnection(URI baseUri, String bearerToken) {
    this.baseUri = baseUri;
    this.bearerToken = bearerToken;
  }

  /** The status and body of one answer. */
  record Answer(int status, String body) {}

  /** Sends with the JDK HttpClient. */
  Answer sendWithHttpClient(String method, String path, String jsonBody) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body = jsonBody == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(jsonBody);
    HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + bearerToken)
        .method(method, body);
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = httpClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  /** Sends with HttpURLConnection, reading the body (or the error body) to the end. */
  Answer sendWithUrlConnection(String method, String path, String jsonBody) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) baseUri.resolve(path).toURL().openConnection();
    try {
      connection.setRequestMethod(method);
      connection.setConnectTimeout((int) TIMEOUT.toMillis());
      connection.setReadTimeout((int) TIMEOUT.toMillis());
      connection.setRequestProperty("Authorization", "Bearer " + bearerToken);
      if (jsonBody != null) {
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
          out.write(jsonBody.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = connection.getResponseCode();
      return new Answer(status, read(status >= 400 ? connection.getErrorStream() : connection.getInputStream()));
    } finally {
      connection.disconnect();
    }
  }

  private static String read(InputStream body) throws IOException {
    if (body == null) {
      return "";
    }
    try (body) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package io.statusguard.agent.isolation.conflicting;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;
import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** How the application calls the provider: the JDK's {@code HttpClient.send}, over HTTP/1.1. */
final class JdkProviderClient implements ScenarioClient {
  private final HttpClient client;

  private JdkProviderClient(HttpClient client) {
    this.client = client;
  }

  /** The one mode, {@code httpclient}. */
  static ScenarioClient create(String mode, SSLContext tls) {
    if (!mode.equals("httpclient")) {
      throw new IllegalArgumentException("unknown mode " + mode);
    }
    return new JdkProviderClient(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(5))
        .sslContext(tls)
        .build());
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + SECRET_TOKEN);
  }

  private String send(HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body().length() + " bytes";
  }

  @Override
  public String get(String url) throws Exception {
    return send(request(url).build());
  }

  @Override
  public String post(String url, String json) throws Exception {
    return send(request(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  @Override
  public String getWithTimeout(String url) throws Exception {
    return send(request(url).timeout(TIMEOUT).build());
  }
}

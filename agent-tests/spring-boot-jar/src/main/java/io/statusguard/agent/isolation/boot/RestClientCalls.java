package io.statusguard.agent.isolation.boot;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.Closeable;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Calls through {@link RestClient}'s {@code exchange}, which hands every status over as a
 * response; closing releases the client underneath.
 */
final class RestClientCalls implements ScenarioClient {
  private final RestClient client;
  private final RestClient impatient;
  private final Closeable underneath;

  RestClientCalls(RestClient client, RestClient impatient, Closeable underneath) {
    this.client = client;
    this.impatient = impatient;
    this.underneath = underneath;
  }

  private static String get(RestClient client, String url) {
    return client.get().uri(url)
        .headers(headers -> headers.setBearerAuth(SECRET_TOKEN))
        .exchange((request, response) -> RestTemplateCalls.describe(response));
  }

  @Override
  public String get(String url) {
    return get(client, url);
  }

  @Override
  public String post(String url, String json) {
    return client.post().uri(url)
        .headers(headers -> headers.setBearerAuth(SECRET_TOKEN))
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .exchange((request, response) -> RestTemplateCalls.describe(response));
  }

  @Override
  public String getWithTimeout(String url) {
    return get(impatient, url);
  }

  @Override
  public void close() throws IOException {
    underneath.close();
  }
}

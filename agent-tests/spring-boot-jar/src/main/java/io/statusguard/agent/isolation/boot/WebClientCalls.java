package io.statusguard.agent.isolation.boot;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/** Calls through {@link WebClient}, each awaited; every status is a result. */
final class WebClientCalls implements ScenarioClient {
  private static final Duration AWAIT = Duration.ofSeconds(60);

  private final WebClient client;
  private final WebClient impatient;

  WebClientCalls(WebClient client, WebClient impatient) {
    this.client = client;
    this.impatient = impatient;
  }

  private static String exchange(WebClient.RequestHeadersSpec<?> request) {
    return request
        .headers(headers -> headers.setBearerAuth(SECRET_TOKEN))
        .exchangeToMono(response -> response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map(body -> response.statusCode().value() + " " + body.length() + " bytes"))
        .block(AWAIT);
  }

  @Override
  public String get(String url) {
    return exchange(client.get().uri(url));
  }

  @Override
  public String post(String url, String json) {
    return exchange(client.post().uri(url).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json));
  }

  @Override
  public String getWithTimeout(String url) {
    return exchange(impatient.get().uri(url));
  }
}

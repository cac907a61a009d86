package io.statusguard.agent.isolation.boot;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestTemplate;

/** Calls through {@link RestTemplate}, describing every status as a result, not an exception. */
final class RestTemplateCalls implements ScenarioClient {
  private final RestTemplate client;
  private final RestTemplate impatient;

  RestTemplateCalls(RestTemplate client, RestTemplate impatient) {
    this.client = client;
    this.impatient = impatient;
  }

  static String describe(ClientHttpResponse response) throws IOException {
    return response.getStatusCode().value() + " "
        + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8).length()
        + " bytes";
  }

  private static String exchange(RestTemplate template, HttpMethod method, String url,
      String json) {
    return template.execute(url, method, request -> {
      request.getHeaders().setBearerAuth(SECRET_TOKEN);
      if (json != null) {
        request.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        request.getBody().write(json.getBytes(StandardCharsets.UTF_8));
      }
    }, RestTemplateCalls::describe);
  }

  @Override
  public String get(String url) {
    return exchange(client, HttpMethod.GET, url, null);
  }

  @Override
  public String post(String url, String json) {
    return exchange(client, HttpMethod.POST, url, json);
  }

  @Override
  public String getWithTimeout(String url) {
    return exchange(impatient, HttpMethod.GET, url, null);
  }
}

package io.statusguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A real JDK HTTP client aimed at one simulator, with the valid token unless a test says otherwise.
 * Paths passed to {@link #client(String)} are relative to {@code /v1/clients/{ClientID}}.
 */
final class SimulatorClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();
  private final ProviderSimulator simulator;

  SimulatorClient(ProviderSimulator simulator) {
    this.simulator = simulator;
  }

  /** {@code /v1/clients/{ClientID}} followed by {@code suffix}. */
  String client(String suffix) {
    return "/v1/clients/" + simulator.clientId() + suffix;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  HttpResponse<String> post(String path, String json) {
    return withBody("POST", path, json);
  }

  HttpResponse<String> put(String path, String json) {
    return withBody("PUT", path, json);
  }

  HttpResponse<String> patch(String path, String json) {
    return withBody("PATCH", path, json);
  }

  HttpResponse<String> withBody(String method, String path, String json) {
    return send(request(path)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A request with the valid bearer token, to change before {@link #send}. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + simulator.bearerToken());
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Creates a transaction and returns its TransactionID. */
  String createTransaction(String referenceId, String amount) {
    HttpResponse<String> response = post(client("/transactions"),
        "{\"referenceID\":\"" + referenceId + "\",\"amount\":\"" + amount + "\"}");
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "CreateTransaction answered " + response.statusCode() + ": " + response.body());
    }
    return json(response).get("transactionID").asText();
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}

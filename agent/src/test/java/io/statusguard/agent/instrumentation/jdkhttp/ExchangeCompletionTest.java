package io.statusguard.agent.instrumentation.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.statusguard.agent.bootstrap.ResponseObservation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The completion callback on real exchanges of the JDK client with a real server on 127.0.0.1. */
class ExchangeCompletionTest {
  private final List<ResponseObservation> observations = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/moved", exchange -> {
      exchange.getResponseHeaders().add("Location", "/target");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    server.createContext("/target", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/plain");
      byte[] body = "here".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void awaitObservations(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (observations.size() < count && System.nanoTime() - deadline < 0) {
      Thread.sleep(5);
    }
  }

  @Test
  void reportsEachResponseOfARedirectChainOldestFirst() throws Exception {
    CompletableFuture<HttpResponse<String>> response = client.sendAsync(
        HttpRequest.newBuilder(uri("/moved")).build(), HttpResponse.BodyHandlers.ofString());

    ExchangeCompletion.attach(response, "GET", uri("/moved"), System.nanoTime(), observations::add);

    assertThat(response.get(10, TimeUnit.SECONDS).body()).isEqualTo("here");
    awaitObservations(2);
    assertThat(observations).extracting(ResponseObservation::status).containsExactly(302, 200);
    assertThat(observations).extracting(o -> o.uri().getPath()).containsExactly("/moved", "/target");
    assertThat(observations.get(1).contentType()).isEqualTo("text/plain");
    assertThat(observations).allSatisfy(o -> {
      assertThat(o.clientLibrary()).isEqualTo("jdk-httpclient");
      assertThat(o.endNanos()).isGreaterThanOrEqualTo(o.startNanos());
    });
  }

  @Test
  void reportsAFailedExchangeAndLeavesItsFailureToTheApplication() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    URI refused = URI.create("http://127.0.0.1:" + deadPort + "/x");
    CompletableFuture<HttpResponse<String>> response = client.sendAsync(
        HttpRequest.newBuilder(refused).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());

    ExchangeCompletion.attach(response, "GET", refused, System.nanoTime(), observations::add);

    assertThatThrownBy(() -> response.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectException.class);
    awaitObservations(1);
    assertThat(observations).singleElement().satisfies(o -> {
      assertThat(o.status()).isZero();
      assertThat(o.uri()).isEqualTo(refused);
      // Dependent stages see the failure wrapped; the classifier looks through the wrapper.
      assertThat(o.failure()).isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(ConnectException.class);
    });
  }

  @Test
  void neverThrowsIntoTheCompletingThread() {
    CompletableFuture<Object> response = new CompletableFuture<>();
    ExchangeCompletion.attach(response, "GET", uri("/x"), 0, observation -> {
      throw new IllegalStateException("a broken sink");
    });

    assertThat(response.complete("not a response")).isTrue();
    assertThat(response.join()).isEqualTo("not a response");
  }
}

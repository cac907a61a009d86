package io.statusguard.agent.instrumentation.jdkhttp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.instrumentation.RecordingBodySink;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

/**
 * The stand-in body handler over HTTP/2, where the client's stream (not its HTTP/1.1 body parser)
 * feeds the subscriber: a real h2c server on 127.0.0.1 (Reactor Netty, which the test class path has
 * for the agent's own Reactor Netty advice). The JDK client upgrades a plain connection on its first
 * request, so each test warms the connection up first.
 */
class HttpClientExchangeHttp2Test {
  private static final byte[] ERROR_BODY = errorBody(50_000);

  private final RecordingBodySink sink = new RecordingBodySink();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_2)
      .build();
  private DisposableServer server;

  @BeforeEach
  void startServer() {
    server = HttpServer.create()
        .host("127.0.0.1")
        .port(0)
        .protocol(HttpProtocol.HTTP11, HttpProtocol.H2C)
        .route(routes -> routes
            .get("/warm-up", (request, response) -> response.sendString(Mono.just("ok")))
            .get("/transactions/1", (request, response) -> response.status(404)
                .header("Content-Type", "application/json")
                .send(Mono.just(Unpooled.wrappedBuffer(ERROR_BODY)))))
        .bindNow(Duration.ofSeconds(10));
  }

  @AfterEach
  void stopServer() {
    server.disposeNow(Duration.ofSeconds(10));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private <T> HttpResponse<T> send(String path, BodyHandler<T> handler) throws Exception {
    URI uri = uri(path);
    @SuppressWarnings("unchecked")
    HttpClientExchange<T> exchange =
        (HttpClientExchange<T>) sink.onExchange("GET", uri, handler, System.nanoTime());
    exchange.finalResponse("GET", uri, null);
    HttpResponse<T> response = client.sendAsync(HttpRequest.newBuilder(uri).build(), exchange)
        .get(10, TimeUnit.SECONDS);
    exchange.accept(response, null);
    return response;
  }

  @Test
  void tapsAnErrorBodyDeliveredOverAnHttp2Stream() throws Exception {
    client.send(HttpRequest.newBuilder(uri("/warm-up")).build(), BodyHandlers.ofString());

    HttpResponse<byte[]> response = send("/transactions/1", BodyHandlers.ofByteArray());

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.body()).isEqualTo(ERROR_BODY);
    BodyTap tap = sink.onlyTap();
    assertThat(tap.capturedBytes())
        .isEqualTo(Arrays.copyOf(ERROR_BODY, BodyTap.MAX_CAPTURED_BYTES));
    assertThat(tap.reachedEndOfBody()).isTrue();
    assertThat(sink.reported()).singleElement()
        .extracting(ResponseObservation::status).isEqualTo(404);
  }

  @Test
  void endsTheTapWhenTheApplicationClosesAnHttp2BodyItReadOnlyPartly() throws Exception {
    client.send(HttpRequest.newBuilder(uri("/warm-up")).build(), BodyHandlers.ofString());

    HttpResponse<InputStream> response = send("/transactions/1", BodyHandlers.ofInputStream());
    byte[] first;
    try (InputStream body = response.body()) {
      first = body.readNBytes(100);
    }

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(first).isEqualTo(Arrays.copyOf(ERROR_BODY, 100));
    BodyTap tap = sink.onlyTap();
    assertThat(tap.isEnded()).isTrue();
    assertThat(tap.capturedBytes()).startsWith(first);
    assertThat(sink.reported()).hasSize(1);
  }

  private static byte[] errorBody(int size) {
    byte[] head = "{\"SC\":404,\"EC\":\"3C463000\",\"EM\":\"Transaction not found\",\"pad\":\""
        .getBytes(UTF_8);
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'x');
    System.arraycopy(head, 0, body, 0, head.length);
    body[size - 2] = '"';
    body[size - 1] = '}';
    return body;
  }
}

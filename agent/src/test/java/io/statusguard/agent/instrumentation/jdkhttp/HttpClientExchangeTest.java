package io.statusguard.agent.instrumentation.jdkhttp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.instrumentation.RecordingBodySink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent's stand-in body handler on real exchanges of the JDK client with a real server on
 * 127.0.0.1. Without the agent's advice installed, each test does what {@code SendAsyncAdvice} and
 * {@code FinalResponseAdvice} do around the exchange: it asks the sink for the handler, tells it the
 * final request, and hands it the exchange's outcome (directly, so that the completion has run when
 * the assertions start). The agent jar's integration tests run the real advice.
 */
class HttpClientExchangeTest {
  private static final byte[] ERROR_BODY = ("{\n  \"SC\": 404,\n  \"EC\": \"3C463000\",\n"
      + "  \"EM\": \"Transaction not found\"\n}\n").getBytes(UTF_8);
  private static final byte[] LARGE_ERROR_BODY = largeBody(20_000);
  private static final byte[] HUGE_ERROR_BODY = largeBody(2_000_000);

  private final RecordingBodySink sink = new RecordingBodySink();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    serve("/transactions/1", 404, "application/json", ERROR_BODY);
    serve("/large", 404, "application/json", LARGE_ERROR_BODY);
    serve("/huge", 404, "application/json", HUGE_ERROR_BODY);
    serve("/ok", 200, "text/plain", "here".getBytes(UTF_8));
    server.createContext("/moved", exchange -> {
      exchange.getResponseHeaders().add("Location", "/transactions/1");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    server.createContext("/no-content", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.createContext("/truncated", exchange -> {
      // Promises 1000 bytes, sends 10 and closes the connection.
      exchange.sendResponseHeaders(500, 1000);
      OutputStream body = exchange.getResponseBody();
      body.write(ERROR_BODY, 0, 10);
      body.flush();
      // The server does not end a body short of its length: it drops the connection.
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void serve(String path, int status, String contentType, byte[] body) {
    server.createContext(path, exchange -> {
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Starts an exchange for {@code path} whose final response answers {@code finalPath}. */
  private <T> Sent<T> send(String path, String finalPath, BodyHandler<T> handler) {
    URI uri = uri(path);
    @SuppressWarnings("unchecked")
    HttpClientExchange<T> exchange =
        (HttpClientExchange<T>) sink.onExchange("GET", uri, handler, System.nanoTime());
    if (finalPath != null) {
      exchange.finalResponse("GET", uri(finalPath), null);
    }
    return new Sent<>(exchange, client.sendAsync(HttpRequest.newBuilder(uri).build(), exchange));
  }

  private record Sent<T>(HttpClientExchange<T> exchange,
      CompletableFuture<HttpResponse<T>> response) {
    HttpResponse<T> await() throws Exception {
      HttpResponse<T> result;
      try {
        result = response.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        exchange.accept(null, e.getCause());
        throw e;
      }
      exchange.accept(result, null);
      return result;
    }
  }

  @Test
  void tapsAnErrorBodyAsTheApplicationReadsItAndReportsTheResponseOnce() throws Exception {
    HttpResponse<String> response =
        send("/transactions/1", "/transactions/1", BodyHandlers.ofString()).await();

    assertThat(response.body()).isEqualTo(new String(ERROR_BODY, UTF_8));
    BodyTap tap = sink.onlyTap();
    assertThat(tap.capturedBytes()).isEqualTo(ERROR_BODY);
    assertThat(tap.reachedEndOfBody()).isTrue();
    assertThat(sink.reported()).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(404);
      assertThat(o.uri()).isEqualTo(uri("/transactions/1"));
      assertThat(o.contentType()).isEqualTo("application/json");
      assertThat(o.clientLibrary()).isEqualTo("jdk-httpclient");
    });
  }

  @ParameterizedTest
  @EnumSource(ApplicationReader.class)
  void theApplicationReadsTheSameBytesAsWithoutTheAgentWhateverItsHandler(ApplicationReader reader)
      throws Exception {
    byte[] withoutAgent = reader.bytes(client.send(
        HttpRequest.newBuilder(uri("/large")).build(), reader.handler.get()).body());

    byte[] withAgent = reader.bytes(send("/large", "/large", reader.handler.get()).await().body());

    assertThat(withAgent).isEqualTo(withoutAgent);
    assertThat(sink.onlyTap().capturedBytes())
        .isEqualTo(Arrays.copyOf(LARGE_ERROR_BODY, BodyTap.MAX_CAPTURED_BYTES));
    assertThat(sink.awaitReported(1)).singleElement()
        .extracting(ResponseObservation::status).isEqualTo(404);
    assertThat(sink.onlyTap().reachedEndOfBody()).isTrue();
  }

  @Test
  void endsTheTapWhenTheApplicationClosesABodyItReadOnlyPartly() throws Exception {
    HttpResponse<InputStream> response =
        send("/huge", "/huge", BodyHandlers.ofInputStream()).await();
    byte[] first = new byte[100];

    try (InputStream body = response.body()) {
      assertThat(body.readNBytes(first, 0, first.length)).isEqualTo(first.length);
    }

    assertThat(first).isEqualTo(Arrays.copyOf(HUGE_ERROR_BODY, first.length));
    BodyTap tap = sink.onlyTap();
    assertThat(tap.isEnded()).isTrue();
    assertThat(tap.reachedEndOfBody()).isFalse();
    assertThat(tap.capturedBytes()).startsWith(first);
    assertThat(sink.reported()).hasSize(1);
  }

  @Test
  void endsTheTapWhenTheBodyFailsAndReportsTheResponseOnce() throws Exception {
    Sent<byte[]> sent = send("/truncated", "/truncated", BodyHandlers.ofByteArray());

    assertThatThrownBy(sent::await).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    // The client may fail the exchange before it tells the subscriber, on another thread.
    assertThat(sink.awaitReported(1)).hasSize(1);
    BodyTap tap = sink.onlyTap();
    assertThat(tap.isEnded()).isTrue();
    assertThat(tap.reachedEndOfBody()).isFalse();
    assertThat(sink.reported()).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(500);
      assertThat(o.failure()).isNull();
    });
  }

  @Test
  void reportsTheResponsesBeforeTheFinalOneAsItArrives() throws Exception {
    // What the advice passes: the redirect the client followed to the final request.
    HttpResponse<Void> redirect = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(uri("/moved")).build(), BodyHandlers.discarding());
    URI target = uri("/transactions/1");
    @SuppressWarnings("unchecked")
    HttpClientExchange<String> exchange = (HttpClientExchange<String>) sink.onExchange("GET",
        uri("/moved"), BodyHandlers.ofString(), System.nanoTime());

    exchange.finalResponse("GET", target, redirect);
    assertThat(sink.reported()).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(302);
      assertThat(o.uri()).isEqualTo(uri("/moved"));
    });
    HttpResponse<String> response = new Sent<>(exchange,
        client.sendAsync(HttpRequest.newBuilder(target).build(), exchange)).await();

    assertThat(response.body()).isEqualTo(new String(ERROR_BODY, UTF_8));
    assertThat(sink.reported()).extracting(ResponseObservation::status).containsExactly(302, 404);
    assertThat(sink.reported().get(1).uri()).isEqualTo(target);
    assertThat(sink.onlyTap().capturedBytes()).isEqualTo(ERROR_BODY);
  }

  @Test
  void reportsEveryResponseOnCompletionWhenItDidNotSeeTheFinalOne() throws Exception {
    HttpResponse<String> response = send("/moved", null, BodyHandlers.ofString()).await();

    assertThat(response.body()).isEqualTo(new String(ERROR_BODY, UTF_8));
    assertThat(sink.taps()).isEmpty();
    assertThat(sink.reported()).extracting(o -> o.status() + " " + o.uri().getPath())
        .containsExactly("302 /moved", "404 /transactions/1");
    // The chain spans the exchange.
    assertThat(sink.reported().get(0).endNanos()).isEqualTo(sink.reported().get(1).endNanos());
  }

  @Test
  void givesTheClientTheApplicationsOwnSubscriberForBodiesTheSinkDeclines() {
    BodySubscriber<String> application = BodySubscribers.ofString(UTF_8);
    @SuppressWarnings("unchecked")
    HttpClientExchange<String> exchange = (HttpClientExchange<String>) sink.onExchange("GET",
        uri("/ok"), (BodyHandler<String>) info -> application, System.nanoTime());
    exchange.finalResponse("GET", uri("/ok"), null);

    assertThat(exchange.apply(responseInfo(200))).isSameAs(application);
    assertThat(sink.taps()).isEmpty();
    assertThat(sink.reported()).singleElement()
        .extracting(ResponseObservation::status).isEqualTo(200);
  }

  @Test
  void theApplicationsHandlerFailsTheExchangeAsWithoutTheAgent() throws Exception {
    IllegalStateException refusal = new IllegalStateException("no body wanted");
    Sent<String> sent = send("/transactions/1", "/transactions/1", info -> {
      throw refusal;
    });

    assertThatThrownBy(sent::await).isInstanceOf(ExecutionException.class)
        .cause().isSameAs(refusal);
    assertThat(sink.taps()).isEmpty();
    assertThat(sink.reported()).singleElement().satisfies(o -> {
      assertThat(o.status()).isZero();
      assertThat(o.failure()).isSameAs(refusal);
    });
  }

  @Test
  void reportsTheFinalResponseOnlyOnceIfTheClientAsksTwiceForItsSubscriber() {
    @SuppressWarnings("unchecked")
    HttpClientExchange<String> exchange = (HttpClientExchange<String>) sink.onExchange("GET",
        uri("/ok"), BodyHandlers.ofString(), System.nanoTime());
    exchange.finalResponse("GET", uri("/ok"), null);

    exchange.apply(responseInfo(200));
    exchange.apply(responseInfo(200));

    assertThat(sink.reported()).hasSize(1);
  }

  @Test
  void reportsAResponseWithoutABodyOnce() throws Exception {
    // The client gives a 204 the handler's subscriber without reading any body.
    HttpResponse<String> response =
        send("/no-content", "/no-content", BodyHandlers.ofString()).await();

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(sink.reported()).singleElement()
        .extracting(ResponseObservation::status).isEqualTo(204);
  }

  @Test
  void reportsAFailedExchangeOnceItCompletes() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    URI refused = URI.create("http://127.0.0.1:" + deadPort + "/x");
    Object handler = sink.onExchange("GET", refused, BodyHandlers.ofString(), System.nanoTime());
    @SuppressWarnings("unchecked")
    CompletableFuture<HttpResponse<String>> response = client.sendAsync(
        HttpRequest.newBuilder(refused).timeout(Duration.ofSeconds(10)).build(),
        (BodyHandler<String>) handler);

    ((HttpClientExchange<?>) handler).started(response);

    assertThatThrownBy(() -> response.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectException.class);
    assertThat(sink.awaitReported(1)).singleElement().satisfies(o -> {
      assertThat(o.status()).isZero();
      assertThat(o.uri()).isEqualTo(refused);
      assertThat(o.failure()).hasCauseInstanceOf(ConnectException.class);
    });
  }

  @Test
  void leavesWhatIsNoBodyHandlerAsItIs() {
    assertThat(HttpClientExchange.observe("GET", uri("/ok"), null, 0, sink)).isNull();
  }

  @Test
  void neverThrowsIntoTheCompletingThread() {
    Object handler = HttpClientExchange.observe("GET", uri("/x"), BodyHandlers.ofString(), 0,
        new RecordingBodySink() {
          @Override
          public void onResponse(ResponseObservation observation) {
            throw new IllegalStateException("a broken sink");
          }
        });
    CompletableFuture<Object> response = new CompletableFuture<>();
    ((HttpClientExchange<?>) handler).started(response);

    assertThat(response.completeExceptionally(new IOException("reset"))).isTrue();
    assertThatThrownBy(response::join).hasCauseInstanceOf(IOException.class);
  }

  private static ResponseInfo responseInfo(int status) {
    return new ResponseInfo() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public HttpHeaders headers() {
        return HttpHeaders.of(Map.of("content-type", List.of("text/plain")), (name, value) -> true);
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  private static byte[] largeBody(int size) {
    byte[] body = new byte[size];
    Random random = new Random(size);
    for (int i = 0; i < size; i++) {
      // Printable lines, so that every handler (ofLines too) can read it.
      body[i] = i % 80 == 79 ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
    }
    System.arraycopy(ERROR_BODY, 0, body, 0, ERROR_BODY.length);
    return body;
  }

  /** The ways an application reads a body, each turned into the bytes it read. */
  enum ApplicationReader {
    STRING(BodyHandlers::ofString, body -> ((String) body).getBytes(UTF_8)),
    BYTE_ARRAY(BodyHandlers::ofByteArray, body -> (byte[]) body),
    INPUT_STREAM(BodyHandlers::ofInputStream, body -> {
      try (InputStream in = (InputStream) body) {
        return in.readAllBytes();
      }
    }),
    LINES(BodyHandlers::ofLines, body -> {
      try (Stream<?> lines = (Stream<?>) body) {
        return lines.map(String::valueOf).collect(Collectors.joining("\n")).getBytes(UTF_8);
      }
    }),
    PUBLISHER(BodyHandlers::ofPublisher, ApplicationReader::drain),
    BUFFERING(() -> BodyHandlers.buffering(BodyHandlers.ofByteArray(), 7), body -> (byte[]) body),
    CONSUMING_SUBSCRIBER(() -> BodyHandlers.fromSubscriber(new ConsumingSubscriber(),
        ConsumingSubscriber::bytes), body -> (byte[]) body),
    DISCARDING(BodyHandlers::discarding, body -> new byte[0]);

    final Supplier<BodyHandler<?>> handler;
    private final BodyBytes bytes;

    ApplicationReader(Supplier<BodyHandler<?>> handler, BodyBytes bytes) {
      this.handler = handler;
      this.bytes = bytes;
    }

    byte[] bytes(Object body) throws Exception {
      return bytes.of(body);
    }

    @SuppressWarnings("unchecked")
    private static byte[] drain(Object body) throws Exception {
      ConsumingSubscriber subscriber = new ConsumingSubscriber();
      ((Flow.Publisher<List<ByteBuffer>>) body).subscribe(subscriber);
      return subscriber.done.get(10, TimeUnit.SECONDS);
    }
  }

  @FunctionalInterface
  interface BodyBytes {
    byte[] of(Object body) throws Exception;
  }

  /** An application's own subscriber, which consumes each buffer (moving its position) as it gets it. */
  static final class ConsumingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final CompletableFuture<byte[]> done = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        received.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      done.complete(received.toByteArray());
    }

    byte[] bytes() {
      return received.toByteArray();
    }
  }
}

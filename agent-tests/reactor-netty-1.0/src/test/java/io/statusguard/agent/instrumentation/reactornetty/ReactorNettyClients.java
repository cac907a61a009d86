package io.statusguard.agent.instrumentation.reactornetty;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;
import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Reactor Netty's {@code HttpClient} as scenario clients, following redirects: {@code block} waits
 * for each exchange with {@code block()}, {@code future} subscribes through {@code toFuture()} and
 * waits on the future, so the response arrives on an event loop thread with nobody blocked on the
 * publisher. Uses only API that Reactor Netty 1.0.0 to 1.3 all have, so that one source serves every
 * version module.
 */
final class ReactorNettyClients {
  private static final Duration AWAIT = Duration.ofSeconds(60);

  private ReactorNettyClients() {}

  static ScenarioClient create(String mode, SSLContext tls) {
    HttpClient client = HttpClient.create()
        .followRedirect(true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
        .headers(headers -> headers.set("Authorization", "Bearer " + SECRET_TOKEN))
        // Only https:// targets use it; the context's trust is what the handshake trusts.
        .secure(spec -> spec.sslContext(nettyContext(tls)));
    return switch (mode) {
      case "block" -> new Blocking(client);
      case "future" -> new Awaiting(client);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  /**
   * The scenario's context as Netty's. The constructor is deprecated in some Netty 4.1 releases and
   * not in others; it is the one form that every Netty under Reactor Netty 1.0 to 1.3 has.
   */
  @SuppressWarnings("deprecation")
  private static JdkSslContext nettyContext(SSLContext tls) {
    return new JdkSslContext(tls, true, ClientAuth.NONE);
  }

  /** Blocks on each exchange's {@code Mono}, the way a servlet application calls it. */
  private static class Blocking implements ScenarioClient {
    final HttpClient client;

    Blocking(HttpClient client) {
      this.client = client;
    }

    static Mono<String> exchange(HttpClient.ResponseReceiver<?> request) {
      return request.responseSingle((response, body) -> body.asString()
          .defaultIfEmpty("")
          .map(text -> response.status().code() + " " + text.length() + " bytes"));
    }

    String await(Mono<String> outcome) throws Exception {
      return outcome.block(AWAIT);
    }

    @Override
    public String get(String url) throws Exception {
      return await(exchange(client.get().uri(url)));
    }

    @Override
    public String post(String url, String json) throws Exception {
      return await(exchange(client
          .headers(headers -> headers.set("Content-Type", "application/json"))
          .post()
          .uri(url)
          .send(ByteBufFlux.fromString(Mono.just(json)))));
    }

    @Override
    public String getWithTimeout(String url) throws Exception {
      return await(exchange(client.responseTimeout(TIMEOUT).get().uri(url)));
    }

    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws Exception {
      HttpClient.RequestSender request = client
          .headers(headers -> headers.set("Content-Type", "application/json"))
          .request(HttpMethod.valueOf(method))
          .uri(url);
      return await(reading(json == null ? request : request.send(ByteBufFlux.fromString(
          Mono.just(json))), readLimit));
    }

    /**
     * The body read as {@link ScenarioClient#exchange} says: all of it, its first {@code readLimit}
     * bytes (then the rest is cancelled), or not subscribed to at all.
     */
    static Mono<String> reading(HttpClient.ResponseReceiver<?> request, int readLimit) {
      return request.response((response, body) -> {
        int status = response.status().code();
        if (readLimit == READ_NONE) {
          return Mono.fromCallable(() -> ScenarioClient.describeRead(status, null, readLimit));
        }
        AtomicInteger received = new AtomicInteger();
        return body.asByteArray()
            .takeUntil(chunk -> readLimit > 0 && received.addAndGet(chunk.length) >= readLimit)
            .collect(ByteArrayOutputStream::new, (out, chunk) -> out.write(chunk, 0, chunk.length))
            .map(out -> describe(status, out.toByteArray(), readLimit));
      }).single();
    }

    private static String describe(int status, byte[] read, int readLimit) {
      try {
        return ScenarioClient.describeRead(status, new ByteArrayInputStream(read), readLimit);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Subscribes through a {@code CompletableFuture} and describes a failure instead of throwing. */
  private static final class Awaiting extends Blocking {
    Awaiting(HttpClient client) {
      super(client);
    }

    @Override
    String await(Mono<String> outcome) throws Exception {
      return outcome
          .onErrorResume(e -> Mono.just("failed with " + e.getClass().getSimpleName()))
          .toFuture()
          .get(AWAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }
}

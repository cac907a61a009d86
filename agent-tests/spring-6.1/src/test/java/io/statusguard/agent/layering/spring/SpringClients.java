package io.statusguard.agent.layering.spring;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;
import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.ReactorNettyClientRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RequestCallback;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Spring's clients as scenario clients, each over one client the agent instruments and each
 * following redirects: {@code resttemplate} (over {@code HttpURLConnection}, Spring's default),
 * {@code restclient-jdk}, {@code restclient-reactor}, {@code restclient-jetty} and
 * {@code webclient-reactor}. Every status is a result, not an exception, so that the outcome shows
 * it. The timeout is configured on the client underneath, as a response timeout that ends the
 * attempt: Spring 6.1's own read timeout on Reactor Netty and Jetty only stops waiting (the attempt
 * goes on, and what the provider finally answers is what is recorded). Uses only API that Spring
 * 6.1.0 to 6.2 all have, so that one source serves every version module.
 */
final class SpringClients {
  private static final Duration AWAIT = Duration.ofSeconds(60);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private SpringClients() {}

  static ScenarioClient create(String mode, SSLContext tls) {
    return switch (mode) {
      case "resttemplate" -> new OverRestTemplate(urlConnection(tls, null),
          urlConnection(tls, TIMEOUT));
      case "restclient-jdk" -> new OverRestClient(jdk(tls, null), jdk(tls, TIMEOUT), () -> {});
      case "restclient-reactor" -> new OverRestClient(reactorNetty(tls, null),
          reactorNetty(tls, TIMEOUT), () -> {});
      case "restclient-jetty" -> {
        org.eclipse.jetty.client.HttpClient patient = jetty(tls, null);
        org.eclipse.jetty.client.HttpClient impatient = jetty(tls, TIMEOUT);
        // Jetty's threads are not daemons: the clients are stopped with the scenario client.
        yield new OverRestClient(new JettyClientHttpRequestFactory(patient),
            new JettyClientHttpRequestFactory(impatient), () -> {
              patient.stop();
              impatient.stop();
            });
      }
      case "webclient-reactor" -> new OverWebClient(tls);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  private static ClientHttpRequestFactory urlConnection(SSLContext tls, Duration timeout) {
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory() {
      @Override
      protected void prepareConnection(HttpURLConnection connection, String httpMethod)
          throws IOException {
        super.prepareConnection(connection, httpMethod);
        if (connection instanceof HttpsURLConnection https) {
          https.setSSLSocketFactory(tls.getSocketFactory());
        }
      }
    };
    factory.setConnectTimeout(CONNECT_TIMEOUT);
    if (timeout != null) {
      factory.setReadTimeout(timeout);
    }
    return factory;
  }

  private static ClientHttpRequestFactory jdk(SSLContext tls, Duration timeout) {
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
            .connectTimeout(CONNECT_TIMEOUT)
            .sslContext(tls)
            .build());
    if (timeout != null) {
      factory.setReadTimeout(timeout);
    }
    return factory;
  }

  /**
   * Over connections that are never pooled. Spring 6.1.0, until spring-framework#32528 was fixed,
   * disposes of a connection after each response instead of releasing it, and the pool may hand the
   * next request a connection that is still closing: it fails with "Connection has been closed
   * BEFORE response, while sending request body", with or without the agent (seen in the 6.1
   * module's run without it).
   */
  // Deprecated for removal in 6.2, in favour of a class 6.1 lacks.
  @SuppressWarnings({"deprecation", "removal"})
  private static ClientHttpRequestFactory reactorNetty(SSLContext tls, Duration timeout) {
    return new ReactorNettyClientRequestFactory(
        reactorNettyClient(HttpClient.newConnection(), tls, timeout));
  }

  private static HttpClient reactorNettyClient(SSLContext tls, Duration timeout) {
    return reactorNettyClient(HttpClient.create(), tls, timeout);
  }

  private static HttpClient reactorNettyClient(HttpClient base, SSLContext tls, Duration timeout) {
    HttpClient client = base
        .followRedirect(true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
        .secure(spec -> spec.sslContext(nettyContext(tls)));
    return timeout == null ? client : client.responseTimeout(timeout);
  }

  /** The constructor is deprecated in some Netty 4.1 releases, and the one form all of them have. */
  @SuppressWarnings("deprecation")
  private static JdkSslContext nettyContext(SSLContext tls) {
    return new JdkSslContext(tls, true, ClientAuth.NONE);
  }

  private static org.eclipse.jetty.client.HttpClient jetty(SSLContext tls, Duration timeout) {
    SslContextFactory.Client sslContextFactory = new SslContextFactory.Client();
    sslContextFactory.setSslContext(tls);
    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(sslContextFactory);
    connector.setConnectTimeout(CONNECT_TIMEOUT);
    org.eclipse.jetty.client.HttpClient client =
        new org.eclipse.jetty.client.HttpClient(new HttpClientTransportOverHTTP(connector));
    if (timeout != null) {
      // A connection idle for this long while a response is awaited fails the exchange.
      client.setIdleTimeout(timeout.toMillis());
    }
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty's HttpClient did not start", e);
    }
    return client;
  }

  private static String describe(ClientHttpResponse response) throws IOException {
    return response.getStatusCode().value() + " "
        + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8).length()
        + " bytes";
  }

  /** Treats every status as a result. */
  private static final class EveryStatusIsAResult extends DefaultResponseErrorHandler {
    @Override
    public boolean hasError(ClientHttpResponse response) {
      return false;
    }
  }

  private static final class OverRestTemplate implements ScenarioClient {
    final RestTemplate client;
    final RestTemplate impatient;

    OverRestTemplate(ClientHttpRequestFactory factory, ClientHttpRequestFactory impatientFactory) {
      client = restTemplate(factory);
      impatient = restTemplate(impatientFactory);
    }

    static RestTemplate restTemplate(ClientHttpRequestFactory factory) {
      RestTemplate template = new RestTemplate(factory);
      template.setErrorHandler(new EveryStatusIsAResult());
      return template;
    }

    static String exchange(RestTemplate template, HttpMethod method, String url, String json) {
      return template.execute(url, method, withBody(json), SpringClients::describe);
    }

    static RequestCallback withBody(String json) {
      return request -> {
        request.getHeaders().setBearerAuth(SECRET_TOKEN);
        if (json != null) {
          request.getHeaders().setContentType(MediaType.APPLICATION_JSON);
          request.getBody().write(json.getBytes(StandardCharsets.UTF_8));
        }
      };
    }

    /** Reads the body through Spring's response; RestTemplate then closes it, draining the rest. */
    @Override
    public String exchange(String method, String url, String json, int readLimit) {
      return client.execute(url, HttpMethod.valueOf(method), withBody(json),
          response -> ScenarioClient.describeRead(response.getStatusCode().value(),
              readLimit == READ_NONE ? null : response.getBody(), readLimit));
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

  /** Releases what a client underneath holds. */
  @FunctionalInterface
  private interface Release {
    void run() throws Exception;
  }

  private static final class OverRestClient implements ScenarioClient {
    final RestClient client;
    final RestClient impatient;
    final Release release;

    OverRestClient(ClientHttpRequestFactory factory, ClientHttpRequestFactory impatientFactory,
        Release release) {
      this.client = RestClient.builder().requestFactory(factory).build();
      this.impatient = RestClient.builder().requestFactory(impatientFactory).build();
      this.release = release;
    }

    @Override
    public void close() throws IOException {
      try {
        release.run();
      } catch (Exception e) {
        throw new IOException("the client underneath did not stop", e);
      }
    }

    static String get(RestClient client, String url) {
      return client.get().uri(url)
          .headers(headers -> headers.setBearerAuth(SECRET_TOKEN))
          .exchange((request, response) -> describe(response));
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
          .exchange((request, response) -> describe(response));
    }

    @Override
    public String getWithTimeout(String url) {
      return get(impatient, url);
    }

    /** Reads the body through Spring's response; RestClient closes it once the function returns. */
    @Override
    public String exchange(String method, String url, String json, int readLimit) {
      RestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(url)
          .headers(headers -> headers.setBearerAuth(SECRET_TOKEN));
      if (json != null) {
        request = request.contentType(MediaType.APPLICATION_JSON).body(json);
      }
      return request.exchange((sent, response) -> ScenarioClient.describeRead(
          response.getStatusCode().value(), readLimit == READ_NONE ? null : response.getBody(),
          readLimit));
    }
  }

  private static final class OverWebClient implements ScenarioClient {
    final WebClient client;
    final WebClient impatient;

    OverWebClient(SSLContext tls) {
      client = webClient(reactorNettyClient(tls, null));
      impatient = webClient(reactorNettyClient(tls, TIMEOUT));
    }

    static WebClient webClient(HttpClient httpClient) {
      return WebClient.builder()
          .clientConnector(new ReactorClientHttpConnector(httpClient))
          .defaultHeaders(headers -> headers.setBearerAuth(SECRET_TOKEN))
          .build();
    }

    static String get(WebClient client, String url) {
      return exchange(client.get().uri(url));
    }

    static String exchange(WebClient.RequestHeadersSpec<?> request) {
      return request.exchangeToMono(response -> response.bodyToMono(String.class)
              .defaultIfEmpty("")
              .map(body -> response.statusCode().value() + " " + body.length() + " bytes"))
          .block(AWAIT);
    }

    @Override
    public String get(String url) {
      return get(client, url);
    }

    @Override
    public String post(String url, String json) {
      return exchange(client.post().uri(url).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(json));
    }

    @Override
    public String getWithTimeout(String url) {
      return get(impatient, url);
    }

    /**
     * Reads the body as a byte array (and describes its first {@code readLimit} bytes), or releases
     * it unread, which drains it.
     */
    @Override
    public String exchange(String method, String url, String json, int readLimit) {
      WebClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(url);
      WebClient.RequestHeadersSpec<?> sent = json == null ? request
          : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
      return sent.exchangeToMono(response -> {
        int status = response.statusCode().value();
        Mono<byte[]> body = readLimit == READ_NONE
            ? response.releaseBody().then(Mono.just(new byte[0]))
            : response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]);
        return body.map(read -> describe(status, read, readLimit));
      }).block(AWAIT);
    }

    private static String describe(int status, byte[] read, int readLimit) {
      try {
        return ScenarioClient.describeRead(status, new ByteArrayInputStream(read), readLimit);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

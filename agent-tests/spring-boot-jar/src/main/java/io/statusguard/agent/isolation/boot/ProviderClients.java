package io.statusguard.agent.isolation.boot;

import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.statusguard.agent.testsupport.ScenarioClient;
import io.statusguard.agent.testsupport.ScenarioClientFactory;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The application's clients, made from the builders Spring Boot configures, each following
 * redirects and trusting what the scenario's context trusts: {@code resttemplate} (over
 * {@code HttpURLConnection}), {@code restclient-apache} (over Apache HttpClient 5, from
 * {@code BOOT-INF/lib}) and {@code webclient} (over Reactor Netty, from {@code BOOT-INF/lib}). The
 * timeout is the client underneath's, so that it ends the attempt.
 */
@Component
class ProviderClients implements ScenarioClientFactory {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final RestTemplateBuilder restTemplates;
  private final RestClient.Builder restClients;
  private final WebClient.Builder webClients;

  ProviderClients(RestTemplateBuilder restTemplates, RestClient.Builder restClients,
      WebClient.Builder webClients) {
    this.restTemplates = restTemplates;
    this.restClients = restClients;
    this.webClients = webClients;
  }

  @Override
  public ScenarioClient create(String mode, SSLContext tls) {
    return switch (mode) {
      case "resttemplate" -> new RestTemplateCalls(restTemplate(urlConnection(tls, null)),
          restTemplate(urlConnection(tls, TIMEOUT)));
      case "restclient-apache" -> {
        CloseableHttpClient patient = apache(tls, null);
        CloseableHttpClient impatient = apache(tls, TIMEOUT);
        yield new RestClientCalls(restClient(new HttpComponentsClientHttpRequestFactory(patient)),
            restClient(new HttpComponentsClientHttpRequestFactory(impatient)), () -> {
              patient.close();
              impatient.close();
            });
      }
      case "webclient" -> new WebClientCalls(webClient(reactorNetty(tls, null)),
          webClient(reactorNetty(tls, TIMEOUT)));
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  private RestTemplate restTemplate(ClientHttpRequestFactory factory) {
    return restTemplates.requestFactory(() -> factory)
        .errorHandler(new EveryStatusIsAResult())
        .build();
  }

  private RestClient restClient(ClientHttpRequestFactory factory) {
    return restClients.clone().requestFactory(factory).build();
  }

  private WebClient webClient(HttpClient client) {
    return webClients.clone().clientConnector(new ReactorClientHttpConnector(client)).build();
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

  private static CloseableHttpClient apache(SSLContext tls, Duration timeout) {
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                .build())
            .build())
        .setDefaultRequestConfig(timeout == null ? RequestConfig.DEFAULT
            : RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build())
        .build();
  }

  private static HttpClient reactorNetty(SSLContext tls, Duration timeout) {
    HttpClient client = HttpClient.create()
        .followRedirect(true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
        .secure(spec -> spec.sslContext(nettyContext(tls)));
    return timeout == null ? client : client.responseTimeout(timeout);
  }

  /** Netty deprecates this constructor in some 4.1 releases; it is the one that takes a context. */
  @SuppressWarnings("deprecation")
  private static JdkSslContext nettyContext(SSLContext tls) {
    return new JdkSslContext(tls, true, ClientAuth.NONE);
  }

  /** Hands every status to the application as a result, as {@code RestClient.exchange} does. */
  private static final class EveryStatusIsAResult extends DefaultResponseErrorHandler {
    @Override
    public boolean hasError(ClientHttpResponse response) {
      return false;
    }
  }
}

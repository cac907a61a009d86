package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.agent.endpoint.ProviderRoutes;
import io.statusguard.event.BodyFormat;
import io.statusguard.event.ErrorType;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpRetryException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EventAssemblerTest {
  private static final String CLIENT = "A0oH0E4EiWloxnwr75liQg";
  private static final String TRANSACTION = "Zx9kP0aQ1bR2cS3dT4eU5f";

  private final EventAssembler assembler = new EventAssembler("payments", "host-1:42", "10.0.0.7",
      EndpointTemplater.create(ProviderRoutes.builtIn()));

  @Test
  void buildsTheEventOfAResponse() {
    ResponseObservation observation = Observations.httpClient("GET",
        "https://Pay.Example.com:8443/v1/clients/" + CLIENT + "/transactions/" + TRANSACTION, 404);

    ResponseEvent event = assembler.assemble(observation);

    assertThat(event.serviceName()).isEqualTo("payments");
    assertThat(event.instanceId()).isEqualTo("host-1:42");
    assertThat(event.egressGroup()).isEqualTo("10.0.0.7");
    assertThat(event.clientLibrary()).isEqualTo("jdk-httpclient");
    assertThat(event.method()).isEqualTo("GET");
    assertThat(event.scheme()).isEqualTo("https");
    assertThat(event.host()).isEqualTo("pay.example.com");
    assertThat(event.port()).isEqualTo(8443);
    assertThat(event.endpointTemplate())
        .isEqualTo("/v1/clients/{ClientID}/transactions/{TransactionID}");
    assertThat(event.operation()).isEqualTo("RetrieveTransaction");
    assertThat(event.status()).isEqualTo(404);
    assertThat(event.errorType()).isNull();
    assertThat(event.durationMicros()).isEqualTo(2_500);
    assertThat(event.contentType()).isEqualTo("application/json");
    assertThat(event.timeUnixMs()).isEqualTo(observation.timeUnixMs());
  }

  @Test
  void anErrorBodyTheApplicationReadAddsTheProvidersDetails() throws IOException {
    ResponseObservation observation = Observations.httpClient("POST",
        "https://pay.example.com/v1/clients/" + CLIENT + "/transactions", 422);
    BodyTap tap = BodyTap.create(observation, null, ended -> { });
    BodyTap.tee(new ByteArrayInputStream(("{\"SC\":422,\"EC\":\"3C422001\","
        + "\"EM\":\"Transaction Limit for card 4111111111111111\"}").getBytes(StandardCharsets.UTF_8)),
        tap).readAllBytes();

    ResponseEvent event = assembler.assemble(observation.withBody(tap));

    assertThat(event.contentType()).isEqualTo("application/json");
    assertThat(event.bodyFormat()).isEqualTo(BodyFormat.JSON);
    assertThat(event.providerStatus()).isEqualTo(422);
    assertThat(event.providerErrorCode()).isEqualTo("3C422001");
    assertThat(event.errorMessage()).startsWith("Transaction Limit for card ")
        .doesNotContain("4111");
    assertThat(assembler.assemble(observation).bodyFormat()).as("no tap, no details").isNull();
  }

  @Test
  void aFailedAttemptHasStatusZeroAndAnErrorType() {
    ResponseEvent event = assembler.assemble(Observations.urlConnection("POST",
        "http://127.0.0.1:1/v1/clients/" + CLIENT + "/accounts", -1,
        new ConnectException("Connection refused")));

    assertThat(event.status()).isZero();
    assertThat(event.errorType()).isEqualTo(ErrorType.CONNECT);
    assertThat(event.operation()).isEqualTo("CreateAccount");
    assertThat(event.clientLibrary()).isEqualTo("jdk-urlconnection");
    assertThat(event.contentType()).isNull();
  }

  @Test
  void aStreamingModeRetryRefusalKeepsItsStatus() {
    ResponseEvent event = assembler.assemble(Observations.urlConnection("POST",
        "http://h/login", -1, new HttpRetryException("cannot retry due to redirection", 302)));

    assertThat(event.status()).isEqualTo(302);
    assertThat(event.errorType()).isNull();
  }

  @Test
  void defaultsThePortBySchemeAndStripsIpv6Brackets() {
    assertThat(assembler.assemble(Observations.httpClient("GET", "https://h/x", 200)).port())
        .isEqualTo(443);
    assertThat(assembler.assemble(Observations.urlConnection("GET", "http://h/x", 200, null))
        .port()).isEqualTo(80);
    assertThat(assembler.assemble(Observations.httpClient("GET", "http://[::1]:8080/x", 200))
        .host()).isEqualTo("::1");
  }

  @Test
  void boundsTheMethod() {
    assertThat(assembler.assemble(Observations.httpClient("PATCH", "http://h/x", 200)).method())
        .isEqualTo("PATCH");
    assertThat(assembler.assemble(Observations.httpClient("PROPFIND", "http://h/x", 200)).method())
        .isEqualTo("_OTHER");
  }

  @Test
  void keepsOnlyTheMediaTypeOfTheContentType() {
    assertThat(EventAssembler.mediaType("Application/XML; charset=ISO-8859-1"))
        .isEqualTo("application/xml");
    assertThat(EventAssembler.mediaType("text/plain;boundary=secret")).isEqualTo("text/plain");
    assertThat(EventAssembler.mediaType("not a type")).isNull();
    assertThat(EventAssembler.mediaType("a/" + "b".repeat(80))).isNull();
    assertThat(EventAssembler.mediaType(null)).isNull();
  }

  @Test
  void answersCommonMediaTypesAsTheGeneralPathDoes() {
    for (String contentType : new String[] {"application/json", " Application/JSON ; charset=utf-8",
        "TEXT/XML", "text/html;", "application/problem+json", "application/jsonx", "application/json x",
        "text/plain\t", "\u0130text/plain", "text/pla\u0130n", "", ";", "application/xml;a=b;c=d"}) {
      assertThat(EventAssembler.mediaType(contentType)).as("'%s'", contentType)
          .isEqualTo(EventAssembler.parsedMediaType(contentType));
    }
  }

  @Test
  void leavesUserInfoQueryValuesAndFragmentsBehind() {
    ResponseObservation observation = ResponseObservation.ofHttpClient("GET",
        URI.create("https://alice:hunter2@h.example/v1/clients/" + CLIENT
            + "/accounts?referenceID=ref-1&token=tok-SECRET#frag-SECRET"),
        200, null, 0, 1, null);

    ResponseEvent event = assembler.assemble(observation);
    String json = ResponseEventEncoder.toJson(event);

    assertThat(event.queryNames()).isEqualTo(List.of("referenceID", "token"));
    assertThat(json).doesNotContain("alice", "hunter2", "SECRET");
    // The route marks these two as identifiers: each leaves once, in its own field.
    assertThat(json.split(CLIENT, -1)).hasSize(2);
    assertThat(json).contains("\"provider.client_id\":\"" + CLIENT + "\"");
    assertThat(json.split("ref-1", -1)).hasSize(2);
    assertThat(json).contains("\"provider.resource_id\":\"ref-1\"");
  }

  @Test
  void carriesTheResourceAndClientThatTheRouteMarks() {
    ResponseEvent byId = assembler.assemble(Observations.httpClient("DELETE",
        "https://pay.example/v1/clients/" + CLIENT + "/transactions/" + TRANSACTION + "?void", 409));
    ResponseEvent byReference = assembler.assemble(Observations.httpClient("GET",
        "https://pay.example/v1/clients/" + CLIENT + "/transactions?referenceID=order-17", 404));
    ResponseEvent generic = assembler.assemble(Observations.httpClient("GET",
        "https://pay.example/orders/" + TRANSACTION, 404));

    assertThat(byId.resourceType()).isEqualTo("TransactionID");
    assertThat(byId.resourceId()).isEqualTo(TRANSACTION);
    assertThat(byId.providerClientId()).isEqualTo(CLIENT);
    assertThat(byReference.resourceType()).isEqualTo("ReferenceID");
    assertThat(byReference.resourceId()).isEqualTo("order-17");
    assertThat(byReference.providerClientId()).isEqualTo(CLIENT);
    assertThat(generic.resourceType()).isNull();
    assertThat(generic.resourceId()).isNull();
    assertThat(generic.providerClientId()).isNull();
  }

  @Test
  void rejectsAnObservationWithoutAHost() {
    ResponseObservation observation = ResponseObservation.ofHttpClient("GET",
        URI.create("mailto:someone"), 200, null, 0, 1, null);

    assertThatThrownBy(() -> assembler.assemble(observation))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAHostThatHoldsACardNumberWhicheverHostsCameBefore() {
    for (int round = 0; round < 3; round++) {
      for (String host : List.of("Pay.Example.com", "a.example", "b.example", "c.example", "d.example")) {
        assertThat(assembler.assemble(urlString("https://" + host + "/v1/ping")).host())
            .isEqualTo(host.toLowerCase(Locale.ROOT));
      }
      ResponseObservation cardHost = urlString("https://4111111111111111.example/v1/ping");

      assertThatThrownBy(() -> assembler.assemble(cardHost)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("4111111111111111");
    }
  }

  @Test
  void readsATargetHeldAsAnAbsoluteUrlString() {
    ResponseEvent event = assembler.assemble(urlString(
        "http://127.0.0.1:8080/v1/clients/" + CLIENT + "/transactions?referenceID=r-1#top"));

    assertThat(event.clientLibrary()).isEqualTo("reactor-netty");
    assertThat(event.scheme()).isEqualTo("http");
    assertThat(event.host()).isEqualTo("127.0.0.1");
    assertThat(event.port()).isEqualTo(8080);
    assertThat(event.endpointTemplate()).isEqualTo("/v1/clients/{ClientID}/transactions");
    assertThat(event.operation()).isEqualTo("RetrieveTransaction");
    assertThat(event.queryNames()).isEqualTo(List.of("referenceID"));
  }

  @Test
  void readsUrlStringsThatUriWouldReject() {
    ResponseEvent bracedPath = assembler.assemble(urlString("https://H.example/cards/{pan}?q"));
    ResponseEvent bareHost = assembler.assemble(urlString("https://h.example"));
    ResponseEvent ipv6 = assembler.assemble(urlString("http://[::1]:9000?x=1"));

    assertThat(bracedPath.host()).isEqualTo("h.example");
    assertThat(bracedPath.port()).isEqualTo(443);
    assertThat(bracedPath.queryNames()).isEqualTo(List.of("q"));
    assertThat(bareHost.endpointTemplate()).isEqualTo("/");
    assertThat(ipv6.host()).isEqualTo("::1");
    assertThat(ipv6.port()).isEqualTo(9000);
    assertThat(ipv6.queryNames()).isEqualTo(List.of("x"));
  }

  @Test
  void leavesUserInfoBehindInUrlStrings() {
    String json = ResponseEventEncoder.toJson(assembler.assemble(
        urlString("http://alice:hunter2@h.example:81/v1/clients/" + CLIENT + "?token=SECRET")));

    assertThat(json).doesNotContain("alice", "hunter2", "SECRET");
    assertThat(json.split(CLIENT, -1)).as("the client id only as provider.client_id").hasSize(2);
  }

  @Test
  void rejectsUrlStringsWithoutSchemeOrWithABadPort() {
    assertThatThrownBy(() -> assembler.assemble(urlString("/v1/clients/" + CLIENT)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> assembler.assemble(urlString("http://h.example:80x/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> assembler.assemble(urlString("http:///nohost")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsATargetHeldAsAnOriginAndARequestTarget() {
    ResponseEvent event = assembler.assemble(origin("http", "127.0.0.1", 8080,
        "/v1/clients/" + CLIENT + "/transactions?referenceID=r-1#top"));
    ResponseEvent defaultPort = assembler.assemble(origin("https", "Pay.Example.com", -1, "/x"));

    assertThat(event.clientLibrary()).isEqualTo("apache-httpclient-4");
    assertThat(event.scheme()).isEqualTo("http");
    assertThat(event.host()).isEqualTo("127.0.0.1");
    assertThat(event.port()).isEqualTo(8080);
    assertThat(event.endpointTemplate()).isEqualTo("/v1/clients/{ClientID}/transactions");
    assertThat(event.operation()).isEqualTo("RetrieveTransaction");
    assertThat(event.queryNames()).isEqualTo(List.of("referenceID"));
    assertThat(defaultPort.host()).isEqualTo("pay.example.com");
    assertThat(defaultPort.port()).isEqualTo(443);
  }

  @Test
  void readsARequestTargetInAbsoluteFormAsSentThroughAProxy() {
    ResponseEvent event = assembler.assemble(origin("http", "h.example", 80,
        "http://h.example:8081/v1/clients/" + CLIENT + "?x=1"));

    assertThat(event.port()).isEqualTo(8081);
    assertThat(event.endpointTemplate()).isEqualTo("/v1/clients/{ClientID}");
    assertThat(event.queryNames()).isEqualTo(List.of("x"));
  }

  @Test
  void anOriginWithoutARequestTargetIsItsRoot() {
    assertThat(assembler.assemble(origin("http", "h.example", 80, null)).endpointTemplate())
        .isEqualTo("/");
    assertThat(assembler.assemble(origin("http", "h.example", 80, "*")).endpointTemplate())
        .isEqualTo("/");
  }

  private static ResponseObservation origin(String scheme, String host, int port,
      String requestTarget) {
    return ResponseObservation.ofOrigin(ResponseObservation.APACHE_HTTPCLIENT_4, "GET", scheme, host,
        port, requestTarget, 200, null, 0, 1, null);
  }

  private static ResponseObservation urlString(String url) {
    return ResponseObservation.ofUrlString(ResponseObservation.REACTOR_NETTY, "GET", url, 200, null,
        0, 1, null);
  }
}

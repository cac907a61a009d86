package io.statusguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated firewall, driven over real loopback connections with a clock the test moves. */
@Timeout(120)
class ProviderSimulatorBlockTest {
  private static final String CALLER = "127.0.0.1";
  private static final String XML_BLOCK =
      "<Error><Code>Forbidden</Code><Message>IP address not allowed</Message></Error>";

  private final FakeClock clock = FakeClock.startingAt("2030-01-01T00:00:00Z");
  private ProviderSimulator simulator;
  private SimulatorClient client;
  private int unknownIds;

  @AfterEach
  void close() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private void start(BlockPolicy policy) throws Exception {
    simulator = ProviderSimulator.start(SimulatorConfig.defaults()
        .withClock(clock)
        .withUnknownOutcomeProbability(0)
        .withBlockPolicy(policy));
    client = new SimulatorClient(simulator);
  }

  /** Retrieves a transaction that does not exist: a 404 from RetrieveTransaction. */
  private HttpResponse<String> retrieveUnknown() {
    String id = String.format("AAAAAAAAAAAAAAAAAA%04d", unknownIds++);
    return client.get(client.client("/transactions/" + id));
  }

  private void retrieveUnknown(int times) {
    for (int i = 0; i < times; i++) {
      assertThat(retrieveUnknown().statusCode()).isEqualTo(404);
    }
  }

  @Test
  void burstOfNotFoundRetrievalsBlocksTheCallerWithXml() throws Exception {
    start(BlockPolicy.defaults());

    retrieveUnknown(20);
    HttpResponse<String> blocked = retrieveUnknown();
    HttpResponse<String> blockedWithoutToken = client.send(
        client.request(client.client("")).setHeader("Authorization", "Bearer wrong").GET());

    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(blocked.headers().firstValue("Content-Type")).hasValue("application/xml");
    assertThat(blocked.body()).isEqualTo(XML_BLOCK);
    assertThat(blockedWithoutToken.statusCode()).isEqualTo(403);
    assertThat(simulator.isBlocked(CALLER)).isTrue();
    SimulatorStats stats = simulator.stats();
    assertThat(stats.blockedCallers()).containsExactly(CALLER);
    assertThat(stats.blocksImposed()).isEqualTo(1);
    assertThat(stats.count("RetrieveTransaction", 404)).isEqualTo(20);
    assertThat(stats.count("RetrieveTransaction", 403)).isEqualTo(1);
  }

  @Test
  void fewerRequestsThanTheMinimumAreNotJudged() throws Exception {
    start(BlockPolicy.defaults());

    retrieveUnknown(19);

    assertThat(simulator.isBlocked(CALLER)).isFalse();
    assertThat(client.get(client.client("")).statusCode()).isEqualTo(200);
  }

  @Test
  void blockHoldsUntilTheCoolDownEndsThenRequestsSucceed() throws Exception {
    start(BlockPolicy.defaults().withCoolDown(Duration.ofSeconds(60)));
    String transactionId = client.createTransaction("kept", "1.00");
    // With the success, the 19th 404 makes 20 requests at a 0.95 error share.
    retrieveUnknown(19);
    assertThat(client.get(client.client("")).statusCode()).isEqualTo(403);

    clock.advance(Duration.ofSeconds(59));
    HttpResponse<String> stillBlocked = client.get(client.client(""));
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> afterCoolDown = client.get(client.client("/transactions/" + transactionId));

    assertThat(stillBlocked.statusCode()).isEqualTo(403);
    assertThat(afterCoolDown.statusCode()).isEqualTo(200);
    assertThat(simulator.isBlocked(CALLER)).isFalse();
    assertThat(simulator.stats().blockedCallers()).isEmpty();
  }

  @Test
  void mostlySuccessfulTrafficIsNotBlocked() throws Exception {
    start(BlockPolicy.defaults());

    for (int i = 0; i < 30; i++) {
      assertThat(client.get(client.client("")).statusCode()).isEqualTo(200);
    }
    retrieveUnknown(10);

    assertThat(simulator.isBlocked(CALLER)).isFalse();
  }

  @Test
  void notFoundAndConflictCountAloneBlocksEvenAmongSuccesses() throws Exception {
    start(BlockPolicy.defaults().withMinRequests(1000).withNotFoundOrConflictLimit(5));
    client.createTransaction("order-1", "1.00");
    for (int i = 0; i < 20; i++) {
      assertThat(client.get(client.client("")).statusCode()).isEqualTo(200);
    }

    for (int i = 0; i < 3; i++) {
      assertThat(client.post(client.client("/transactions"), "{\"referenceID\":\"order-1\",\"amount\":\"1\"}")
          .statusCode()).isEqualTo(409);
    }
    retrieveUnknown(3);

    assertThat(client.get(client.client("")).statusCode()).isEqualTo(403);
  }

  @Test
  void unauthorizedAnswersDoNotCountAsErrors() throws Exception {
    start(BlockPolicy.defaults());

    for (int i = 0; i < 30; i++) {
      assertThat(client.send(client.request(client.client("")).setHeader("Authorization", "Bearer x").GET())
          .statusCode()).isEqualTo(401);
    }

    assertThat(simulator.isBlocked(CALLER)).isFalse();
  }

  @Test
  void errorsThatLeftTheWindowAreForgotten() throws Exception {
    start(BlockPolicy.defaults().withWindow(Duration.ofSeconds(10)));

    retrieveUnknown(15);
    clock.advance(Duration.ofSeconds(11));
    retrieveUnknown(15);

    assertThat(simulator.isBlocked(CALLER)).isFalse();
  }

  @Test
  void anotherCallerIsStillServed() throws Exception {
    start(BlockPolicy.defaults());
    retrieveUnknown(20);

    String statusLine = rawGetFrom("127.0.0.2", client.client(""));

    assertThat(simulator.isBlocked(CALLER)).isTrue();
    assertThat(statusLine).isEqualTo("HTTP/1.1 200 OK");
    assertThat(simulator.isBlocked("127.0.0.2")).isFalse();
  }

  /** Sends one GET from a socket bound to {@code localAddress} and returns the status line. */
  private String rawGetFrom(String localAddress, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(20_000);
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", simulator.baseUri().getPort()), 20_000);
      String request = "GET " + path + " HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\n"
          + "Authorization: Bearer " + simulator.bearerToken() + "\r\n"
          + "Connection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return in.readLine();
    }
  }
}

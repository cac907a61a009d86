package io.statusguard.agent.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The application of the integration tests, run in a child JVM with or without the agent: it makes
 * one request per scenario against its own {@link ProviderStub} and prints one line per outcome
 * (what the client describes, or the exception's class, after a line with its causes), so that a
 * test can compare the outcomes with and without the agent. Its first line names the stub's ports
 * (plain and TLS) and a port nothing listens on; its last line, {@code DONE}, carries the
 * wall-clock time when it returns.
 *
 * <p>Each client family has a tiny {@code main} that calls {@link #run} with its {@link
 * ScenarioClientFactory}. Arguments: the mode; a mode with the suffix {@code -ok} repeats one
 * successful request instead of running every scenario, and then takes the number of requests, the
 * pause between them in milliseconds, and a file whose appearance ends the loop early. A mode with
 * the suffix {@value ErrorBodyScenarios#MODE_SUFFIX} runs the provider's error cases instead (see
 * {@link ErrorBodyScenarios}).
 */
public final class ScenarioApp {
  public static final String SECRET_TOKEN = "sk_live_SECRETTOKEN";
  public static final String CARD_NUMBER = "4111111111111111";
  public static final Duration TIMEOUT = Duration.ofMillis(500);
  /** The number of outcome lines a full run prints. */
  public static final int SCENARIOS = 10;

  /**
   * The start of the line before the outcome of a call that threw: its causes, with their messages,
   * which name ports and so are not part of the outcome.
   */
  static final String CAUSES = "CAUSES ";

  private static final String REPEAT_SUFFIX = "-ok";

  private ScenarioApp() {}

  public static void run(String[] args, ScenarioClientFactory clients) throws Exception {
    String mode = args[0];
    boolean repeating = mode.endsWith(REPEAT_SUFFIX);
    boolean errors = mode.endsWith(ErrorBodyScenarios.MODE_SUFFIX);
    String clientMode = repeating ? mode.substring(0, mode.length() - REPEAT_SUFFIX.length())
        : errors ? mode.substring(0, mode.length() - ErrorBodyScenarios.MODE_SUFFIX.length())
        : mode;
    SSLContext tls = tls();
    try (ProviderStub stub = ProviderStub.start();
        ProviderStub tlsStub = ProviderStub.startTls(tls);
        SocketChannel refusing = refusingSocket()) {
      int deadPort = ((InetSocketAddress) refusing.getLocalAddress()).getPort();
      System.out.println("PORTS stub=" + stub.port() + " dead=" + deadPort + " tls="
          + tlsStub.port());
      if (errors) {
        try (ScenarioClient client = clients.create(clientMode, tls)) {
          ErrorBodyScenarios.run(client, stub);
        }
      } else if (repeating) {
        int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        long pauseMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Path stopFile = args.length > 3 ? Paths.get(args[3]) : null;
        try (ScenarioClient client = clients.create(clientMode, tls)) {
          repeat(client, stub, repeat, pauseMillis, stopFile);
        }
      } else {
        try (ScenarioClient client = clients.create(clientMode, tls);
            ScenarioClient untrusting = clients.create(clientMode, SSLContext.getDefault())) {
          everyScenario(client, untrusting, stub, tlsStub, deadPort);
        }
      }
    }
    System.out.println("DONE " + System.currentTimeMillis());
  }

  private static void repeat(ScenarioClient client, ProviderStub stub, int repeat,
      long pauseMillis, Path stopFile) throws InterruptedException {
    String transaction = clientBase(stub) + "/transactions/" + ProviderStub.TRANSACTION;
    for (int i = 0; i < repeat && (stopFile == null || !Files.exists(stopFile)); i++) {
      outcome("ok", () -> client.get(transaction));
      Thread.sleep(pauseMillis);
    }
  }

  private static void everyScenario(ScenarioClient client, ScenarioClient untrusting,
      ProviderStub stub, ProviderStub tlsStub, int deadPort) {
    String base = clientBase(stub);
    outcome("ok", () -> client.get(base + "/transactions/" + ProviderStub.TRANSACTION));
    outcome("not_found",
        () -> client.get(base + "/transactions/" + ProviderStub.MISSING_TRANSACTION));
    outcome("conflict", () -> client.post(base + "/transactions", "{\"amount\":100}"));
    outcome("server_error", () -> client.post(base + "/accounts", "{\"card\":\"x\"}"));
    outcome("redirect", () -> client.get(base + "/keys/" + ProviderStub.KEY));
    outcome("refused", () -> client.get("http://127.0.0.1:" + deadPort + "/v1/clients/"
        + ProviderStub.CLIENT));
    outcome("timeout", () -> client.getWithTimeout(base + "/transactions?referenceID="
        + ProviderStub.SLOW_REFERENCE));
    outcome("card", () -> client.get("http://127.0.0.1:" + stub.port() + "/cards/"
        + CARD_NUMBER + "/check?pan=" + CARD_NUMBER));
    String tlsTransaction = "https://127.0.0.1:" + tlsStub.port() + "/v1/clients/"
        + ProviderStub.CLIENT + "/transactions/" + ProviderStub.TRANSACTION;
    outcome("tls", () -> client.get(tlsTransaction));
    outcome("tls_untrusted", () -> untrusting.get(tlsTransaction));
  }

  private static String clientBase(ProviderStub stub) {
    return "http://127.0.0.1:" + stub.port() + "/v1/clients/" + ProviderStub.CLIENT;
  }

  /** Serves the stub's certificate, and trusts it. */
  private static SSLContext tls() throws Exception {
    char[] password = StubKeystore.PASSWORD.toCharArray();
    KeyStore keystore = KeyStore.getInstance("PKCS12");
    Path path = Paths.get(System.getProperty(StubKeystore.PROPERTY));
    try (InputStream in = Files.newInputStream(path)) {
      keystore.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keystore, password);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keystore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  interface Call {
    String run() throws Exception;
  }

  static void outcome(String scenario, Call call) {
    String result;
    try {
      result = call.run();
    } catch (Exception e) {
      result = "threw " + e.getClass().getSimpleName();
      System.out.println(CAUSES + scenario + ": " + causes(e));
    }
    System.out.println(scenario + ": " + result);
  }

  /**
   * {@code thrown} and its causes with their messages, outermost first; at most 10, as a chain may
   * loop.
   */
  private static String causes(Throwable thrown) {
    StringBuilder chain = new StringBuilder();
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (depth > 0) {
        chain.append(" <- ");
      }
      chain.append(t.getClass().getName()).append(": ").append(t.getMessage());
    }
    return chain.toString();
  }

  /**
   * A socket bound to a port of 127.0.0.1 that never listens: connections to the port are refused, and
   * while the socket is open no other process can listen there (a port that was merely free a moment
   * ago may be handed to another process's listener before the scenario calls it).
   */
  private static SocketChannel refusingSocket() throws IOException {
    SocketChannel socket = SocketChannel.open();
    socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
    return socket;
  }
}

package io.statusguard.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The application of the integration tests, run in a child JVM with or without the agent: it makes
 * one request per scenario against its own {@link ProviderStub} and prints one line per outcome
 * (the status and body size, or the exception's class), so that a test can compare the outcomes
 * with and without the agent. Its first line names the stub's ports (plain and TLS) and a port
 * nothing listens on; its last
 * line, {@code DONE}, carries the wall-clock time when {@code main} returns.
 *
 * <p>Arguments: the client ({@code httpclient-sync}, {@code httpclient-async} or
 * {@code urlconnection}); a client with the suffix {@code -ok} repeats one successful request
 * instead of running every scenario, then take the number of requests, the pause between them in
 * milliseconds, and a file whose appearance ends the loop early.
 */
public final class ScenarioApp {
  static final String SECRET_TOKEN = "sk_live_SECRETTOKEN";
  static final String CARD_NUMBER = "4111111111111111";
  static final Duration TIMEOUT = Duration.ofMillis(500);

  private ScenarioApp() {}

  /** One way of making requests: one of the JDK's clients. */
  interface Client {
    String get(String url) throws Exception;

    String post(String url, String json) throws Exception;

    String getWithTimeout(String url) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    long pauseMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
    Path stopFile = args.length > 3 ? Paths.get(args[3]) : null;
    SSLContext tls = tls();
    try (ProviderStub stub = ProviderStub.start();
        ProviderStub tlsStub = ProviderStub.startTls(tls)) {
      int deadPort = freePort();
      System.out.println("PORTS stub=" + stub.port() + " dead=" + deadPort + " tls="
          + tlsStub.port());
      String base = "http://127.0.0.1:" + stub.port() + "/v1/clients/" + ProviderStub.CLIENT;
      Client client = client(mode, tls);
      if (mode.endsWith("-ok")) {
        for (int i = 0; i < repeat && (stopFile == null || !Files.exists(stopFile)); i++) {
          outcome("ok", () -> client.get(base + "/transactions/" + ProviderStub.TRANSACTION));
          Thread.sleep(pauseMillis);
        }
      } else {
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
        Client untrusting = client(mode, SSLContext.getDefault());
        outcome("tls_untrusted", () -> untrusting.get(tlsTransaction));
      }
    }
    System.out.println("DONE " + System.currentTimeMillis());
  }

  private static Client client(String mode, SSLContext tls) {
    if (mode.startsWith("httpclient-sync")) {
      return new HttpClientSync(tls);
    }
    if (mode.startsWith("httpclient-async")) {
      return new HttpClientAsync(tls);
    }
    if (mode.startsWith("urlconnection")) {
      return new UrlConnection(tls);
    }
    throw new IllegalArgumentException("unknown mode " + mode);
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

  private interface Call {
    String run() throws Exception;
  }

  private static void outcome(String scenario, Call call) {
    String result;
    try {
      result = call.run();
    } catch (Exception e) {
      result = "threw " + e.getClass().getSimpleName();
    }
    System.out.println(scenario + ": " + result);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static final class HttpClientSync implements Client {
    final HttpClient client;

    HttpClientSync(SSLContext tls) {
      client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .sslContext(tls)
          .build();
    }

    HttpRequest.Builder request(String url) {
      return HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Bearer " + SECRET_TOKEN);
    }

    String describe(HttpResponse<String> response) {
      return response.statusCode() + " " + response.body().length() + " bytes";
    }

    @Override
    public String get(String url) throws Exception {
      return describe(client.send(request(url).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    public String post(String url, String json) throws Exception {
      return describe(client.send(request(url).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    public String getWithTimeout(String url) throws Exception {
      return describe(client.send(request(url).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
  }

  private static final class HttpClientAsync implements Client {
    final HttpClientSync sync;

    HttpClientAsync(SSLContext tls) {
      sync = new HttpClientSync(tls);
    }

    String await(HttpRequest request) {
      return sync.client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .handle((response, failure) -> failure == null ? sync.describe(response)
              : "completed exceptionally with " + (failure instanceof CompletionException
                  ? failure.getCause().getClass().getSimpleName()
                  : failure.getClass().getSimpleName()))
          .join();
    }

    @Override
    public String get(String url) {
      return await(sync.request(url).build());
    }

    @Override
    public String post(String url, String json) {
      return await(sync.request(url).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Override
    public String getWithTimeout(String url) {
      return await(sync.request(url).timeout(TIMEOUT).build());
    }
  }

  /** Reads a response the way most applications do, then asks for it again in every other way. */
  private static final class UrlConnection implements Client {
    final SSLContext tls;

    UrlConnection(SSLContext tls) {
      this.tls = tls;
    }

    HttpURLConnection open(String url) throws IOException {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      if (connection instanceof HttpsURLConnection) {
        ((HttpsURLConnection) connection).setSSLSocketFactory(tls.getSocketFactory());
      }
      connection.setRequestProperty("Authorization", "Bearer " + SECRET_TOKEN);
      connection.setConnectTimeout(5_000);
      return connection;
    }

    String exchange(HttpURLConnection connection) throws IOException {
      int status = connection.getResponseCode();
      String body;
      try (InputStream in =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String again;
      try {
        connection.getInputStream().close();
        again = "again ok";
      } catch (IOException e) {
        again = "again threw " + e.getClass().getSimpleName();
      }
      return status + " " + body.length() + " bytes, " + connection.getContentType() + ", "
          + connection.getResponseCode() + ", " + again;
    }

    @Override
    public String get(String url) throws IOException {
      return exchange(open(url));
    }

    @Override
    public String post(String url, String json) throws IOException {
      HttpURLConnection connection = open(url);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(json.getBytes(StandardCharsets.UTF_8));
      }
      return exchange(connection);
    }

    @Override
    public String getWithTimeout(String url) throws IOException {
      HttpURLConnection connection = open(url);
      connection.setReadTimeout((int) TIMEOUT.toMillis());
      return exchange(connection);
    }
  }
}

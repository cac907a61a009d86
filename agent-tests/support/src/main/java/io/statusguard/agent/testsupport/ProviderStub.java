package io.statusguard.agent.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * A tiny stand-in for the card-payments provider, run inside the child JVM of an integration test:
 * each path answers with the status a scenario needs. Binds 127.0.0.1 on a free port; serves each
 * exchange on one of four daemon threads.
 */
public final class ProviderStub implements AutoCloseable {
  public static final String CLIENT = "A0oH0E4EiWloxnwr75liQg";
  public static final String TRANSACTION = "Tx0000OkOkOkOkOkOkOkOk";
  public static final String MISSING_TRANSACTION = "Tx4040NoNoNoNoNoNoNoNo";
  public static final String KEY = "Ky3020ReReReReReReReRe";
  public static final String SLOW_REFERENCE = "slow";
  /** How long the slow reference takes; far longer than any client timeout in the scenarios. */
  public static final long SLOW_MILLIS = 3_000;
  /** An account whose retrieval the provider refuses for missing permissions: 403 with JSON. */
  public static final String FORBIDDEN_ACCOUNT = "Ac4030NoPermNoPermNoPe";
  /** A transaction whose 404 body is far larger than the agent keeps (see {@link #LARGE_BODY}). */
  public static final String LARGE_TRANSACTION = "Tx4041LargeLargeLargeL";
  /** A transaction whose 404 body comes gzip-encoded and chunked. */
  public static final String GZIP_TRANSACTION = "Tx4042GzipGzipGzipGzip";
  /** The 404 body of {@link #LARGE_TRANSACTION}: the provider's fields first, then 20 KB more. */
  public static final String LARGE_BODY = largeBody();
  /** The EM of the 400 that answers a request carrying card data: it repeats them, as some do. */
  public static final String LEAKY_MESSAGE = "Invalid Field: card 4111 1111 1111 1111 (cvv 737)"
      + " with Bearer " + ScenarioApp.SECRET_TOKEN + " and pan 5500-0000-0000-0004";

  private static final String CLIENT_PATH = "/v1/clients/" + CLIENT;

  private final HttpServer server;
  private final ExecutorService executor;

  private ProviderStub(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static ProviderStub start() throws IOException {
    return start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16));
  }

  /** The same stub over HTTPS, with the certificate that {@code tls} holds. */
  public static ProviderStub startTls(SSLContext tls) throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return start(server);
  }

  private static ProviderStub start(HttpServer server) {
    ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "provider-stub");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", ProviderStub::handle);
    server.start();
    return new ProviderStub(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      if (answeredAnErrorCase(exchange, method, path)) {
        return;
      }
      if (method.equals("GET") && path.equals(CLIENT_PATH + "/transactions/" + TRANSACTION)) {
        json(exchange, 200, "{\"SC\":200,\"EC\":\"0\",\"TransactionID\":\"" + TRANSACTION + "\"}");
      } else if (method.equals("GET") && path.startsWith(CLIENT_PATH + "/transactions/")) {
        json(exchange, 404, "{\"SC\":404,\"EC\":\"3C440000\",\"EM\":\"Not Found\"}");
      } else if (method.equals("POST") && path.equals(CLIENT_PATH + "/transactions")) {
        json(exchange, 409, "{\"SC\":409,\"EC\":\"3C463000\",\"EM\":\"Duplicate\"}");
      } else if (method.equals("POST") && path.equals(CLIENT_PATH + "/accounts")) {
        respond(exchange, 500, "application/xml",
            "<Error><Code>Forbidden</Code><Message>IP address not allowed</Message></Error>");
      } else if (method.equals("GET") && path.equals(CLIENT_PATH + "/keys/" + KEY)) {
        exchange.getResponseHeaders().add("Location", CLIENT_PATH);
        respond(exchange, 302, "application/json", "{\"SC\":302,\"EC\":\"0\"}");
      } else if (method.equals("GET") && path.equals(CLIENT_PATH)) {
        json(exchange, 200, "{\"SC\":200,\"EC\":\"0\",\"ClientID\":\"" + CLIENT + "\"}");
      } else if (method.equals("GET") && path.equals(CLIENT_PATH + "/transactions")
          && ("referenceID=" + SLOW_REFERENCE).equals(query)) {
        sleepQuietly();
        json(exchange, 200, "{\"SC\":200,\"EC\":\"0\"}");
      } else if (method.equals("GET") && path.startsWith("/cards/")) {
        json(exchange, 200, "{\"valid\":true}");
      } else {
        json(exchange, 404, "{\"SC\":404,\"EC\":\"3C440001\",\"EM\":\"No such path\"}");
      }
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(SLOW_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The error cases of {@link ErrorBodyScenarios} that the simulator does not have. */
  private static boolean answeredAnErrorCase(HttpExchange exchange, String method, String path)
      throws IOException {
    if (method.equals("GET") && path.equals(CLIENT_PATH + "/accounts/" + FORBIDDEN_ACCOUNT)) {
      json(exchange, 403, "{\"SC\":403,\"EC\":\"3C403001\","
          + "\"EM\":\"Permission denied: RetrieveAccount not allowed for this key\"}");
    } else if (method.equals("GET")
        && path.equals(CLIENT_PATH + "/transactions/" + LARGE_TRANSACTION)) {
      json(exchange, 404, LARGE_BODY);
    } else if (method.equals("GET")
        && path.equals(CLIENT_PATH + "/transactions/" + GZIP_TRANSACTION)) {
      gzipped(exchange, 404, "{\"SC\":404,\"EC\":\"3C404000\",\"EM\":\"Not Found\"}");
    } else if (path.startsWith(CLIENT_PATH + "/cards/")) {
      json(exchange, 400, "{\"SC\":400,\"EC\":\"3C400002\",\"EM\":\"" + LEAKY_MESSAGE + "\"}");
    } else {
      return false;
    }
    return true;
  }

  private static String largeBody() {
    StringBuilder body = new StringBuilder("{\"SC\":404,\"EC\":\"3C404000\",\"EM\":\"Not Found\","
        + "\"history\":[");
    for (int i = 0; i < 400; i++) {
      body.append(i == 0 ? "" : ",").append("{\"attempt\":").append(i)
          .append(",\"note\":\"looked everywhere\"}");
    }
    return body.append("]}").toString();
  }

  /** Answers gzip-encoded and chunked, whatever the request accepts: some servers do. */
  private static void gzipped(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
    exchange.sendResponseHeaders(status, 0);
    try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    respond(exchange, status, "application/json", body);
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", contentType + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

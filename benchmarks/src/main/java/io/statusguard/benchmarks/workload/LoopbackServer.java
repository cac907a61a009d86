package io.statusguard.benchmarks.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The provider's transaction lookup on 127.0.0.1, for the overhead harness: answers
 * {@code GET /v1/clients/{ClientID}/transactions/{TransactionID}} with a small JSON body, 200 or (for IDs
 * ending in 7) the provider's 404, so that the agents see the mix they exist for. Run as its own JVM with
 * {@code -Dsun.net.httpserver.nodelay=true}, so that neither agent instruments it and its costs stay out
 * of the measured process; one dispatcher thread serves the one sequential client.
 */
public final class LoopbackServer implements AutoCloseable {
  static final String PORT_LINE_PREFIX = "PORT ";

  private static final byte[] FOUND = ("{\"TransactionID\":\"TX\",\"Status\":\"SETTLED\","
      + "\"Amount\":1000,\"Currency\":\"USD\"}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_FOUND =
      "{\"SC\":404,\"EC\":\"E404\",\"EM\":\"Transaction not found\"}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  private LoopbackServer(HttpServer server) {
    this.server = server;
  }

  /** Serves on a free port of 127.0.0.1 until closed. */
  public static LoopbackServer start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", LoopbackServer::answer);
    server.start();
    return new LoopbackServer(server);
  }

  /** Prints {@code PORT <port>}, then serves until its standard input closes (the harness is gone). */
  public static void main(String[] args) throws IOException {
    try (LoopbackServer server = start()) {
      System.out.println(PORT_LINE_PREFIX + server.port());
      System.out.flush();
      InputStream in = System.in;
      while (in.read() >= 0) {
        // Nothing is ever written; end of file is the signal to stop.
      }
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getRawPath();
      boolean found = !path.endsWith("7");
      byte[] body = found ? FOUND : NOT_FOUND;
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(found ? 200 : 404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}

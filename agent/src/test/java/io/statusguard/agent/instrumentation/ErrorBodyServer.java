package io.statusguard.agent.instrumentation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 that answers with the provider's kinds of bodies: {@code /ok} (200),
 * {@code /not-found} (404, a small JSON error), {@code /big} (409, {@value #BIG_SIZE} bytes of JSON,
 * chunked), {@code /gzip} (404, the small JSON error gzip-encoded whatever the request accepts) and
 * {@code /empty} (404 without a body).
 */
public final class ErrorBodyServer implements AutoCloseable {
  public static final byte[] OK = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
  public static final byte[] NOT_FOUND =
      "{\"SC\":404,\"EC\":\"3C463000\",\"EM\":\"Transaction not found\"}"
          .getBytes(StandardCharsets.UTF_8);
  public static final int BIG_SIZE = 20_000;
  public static final byte[] BIG = bigBody();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  private ErrorBodyServer(HttpServer server) {
    this.server = server;
  }

  public static ErrorBodyServer start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ErrorBodyServer errors = new ErrorBodyServer(server);
    server.createContext("/ok", exchange -> send(exchange, 200, OK, false, false));
    server.createContext("/not-found", exchange -> send(exchange, 404, NOT_FOUND, false, false));
    server.createContext("/big", exchange -> send(exchange, 409, BIG, true, false));
    server.createContext("/gzip", exchange -> send(exchange, 404, NOT_FOUND, false, true));
    server.createContext("/empty", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.setExecutor(errors.executor);
    server.start();
    return errors;
  }

  /** The absolute URL of {@code path} on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void send(HttpExchange exchange, int status, byte[] body, boolean chunked,
      boolean gzipped) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] payload = gzipped ? gzip(body) : body;
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (gzipped) {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    exchange.sendResponseHeaders(status, chunked ? 0 : payload.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(payload);
    }
  }

  private static byte[] bigBody() {
    byte[] body = new byte[BIG_SIZE];
    Arrays.fill(body, (byte) 'x');
    byte[] head = "{\"SC\":409,\"EC\":\"DUP\",\"EM\":\"Duplicate\",\"pad\":\""
        .getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, body, 0, head.length);
    body[BIG_SIZE - 2] = '"';
    body[BIG_SIZE - 1] = '}';
    return body;
  }
}

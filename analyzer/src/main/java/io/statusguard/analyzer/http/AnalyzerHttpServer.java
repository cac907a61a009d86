package io.statusguard.analyzer.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} (the Prometheus scrape, in the format the client's Accept header asks for)
 * and {@code /healthz} (200 while the analyzer is healthy, 503 otherwise) on the JDK's HTTP server.
 * Requests run on two daemon threads behind a bounded queue; the server is closed by {@link #close()}.
 */
public final class AnalyzerHttpServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 9464;
  public static final String METRICS_PATH = "/metrics";
  public static final String HEALTH_PATH = "/healthz";

  private static final Logger log = LoggerFactory.getLogger(AnalyzerHttpServer.class);
  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
  private static final int THREADS = 2;
  private static final int QUEUED_REQUESTS = 32;

  static {
    // The JDK server writes headers and body in separate packets; with Nagle's algorithm on, a client's
    // delayed ACK holds back every small response by tens of milliseconds. The server reads this
    // property once per JVM, when its first instance is created; a value set by the user is kept.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier healthy;
  private final ExpositionFormats formats = ExpositionFormats.init();

  private AnalyzerHttpServer(HttpServer server, ThreadPoolExecutor executor, PrometheusMeterRegistry registry,
      BooleanSupplier healthy) {
    this.server = server;
    this.executor = executor;
    this.registry = registry;
    this.healthy = healthy;
  }

  /**
   * Binds {@code address} (port 0 picks a free port) and starts serving.
   *
   * @throws IOException when the address cannot be bound
   */
  public static AnalyzerHttpServer start(InetSocketAddress address, PrometheusMeterRegistry registry,
      BooleanSupplier healthy) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    // A full queue rejects the request; the JDK server then closes that connection.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUED_REQUESTS), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
    AnalyzerHttpServer analyzerServer = new AnalyzerHttpServer(server, executor, registry, healthy);
    server.createContext("/", analyzerServer::handle);
    server.setExecutor(executor);
    server.start();
    return analyzerServer;
  }

  /** The bound address, with the actual port when port 0 was asked for. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (!path.equals(METRICS_PATH) && !path.equals(HEALTH_PATH)) {
        respond(exchange, 404, "text/plain; charset=utf-8", text("not found\n"));
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "text/plain; charset=utf-8", text("use GET\n"));
      } else if (path.equals(METRICS_PATH)) {
        metrics(exchange);
      } else {
        health(exchange);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
      throw e;
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    String contentType = formats.findWriter(exchange.getRequestHeaders().getFirst("Accept")).getContentType();
    ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    // The registry picks its writer by the same content type, so header and body agree.
    registry.scrape(body, contentType);
    respond(exchange, 200, contentType, body.toByteArray());
  }

  private void health(HttpExchange exchange) throws IOException {
    if (healthy.getAsBoolean()) {
      respond(exchange, 200, "text/plain; charset=utf-8", text("ok\n"));
    } else {
      respond(exchange, 503, "text/plain; charset=utf-8", text("consumer not running\n"));
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "statusguard-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

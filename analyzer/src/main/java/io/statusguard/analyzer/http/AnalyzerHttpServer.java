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
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} (the Prometheus scrape, in the format the client's Accept header asks for),
 * {@code /healthz} and {@code /readyz} (200 or 503, see {@link Probes}) and the JSON API, {@code
 * /api/v1/endpoints} and {@code /api/v1/agents}, on the JDK's HTTP server. Requests run on two daemon
 * threads behind a bounded queue; the server is closed by {@link #close()}.
 */
public final class AnalyzerHttpServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 9464;
  public static final String METRICS_PATH = "/metrics";
  public static final String HEALTH_PATH = "/healthz";
  public static final String READY_PATH = "/readyz";
  public static final String ENDPOINTS_PATH = "/api/v1/endpoints";
  public static final String AGENTS_PATH = "/api/v1/agents";

  private static final Logger log = LoggerFactory.getLogger(AnalyzerHttpServer.class);
  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
  private static final int THREADS = 2;
  private static final int QUEUED_REQUESTS = 32;
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String JSON = "application/json";
  private static final Set<String> PATHS = Set.of(METRICS_PATH, HEALTH_PATH, READY_PATH, ENDPOINTS_PATH, AGENTS_PATH);

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
  private final Probes probes;
  private final ApiSource api;
  private final ExpositionFormats formats = ExpositionFormats.init();

  private AnalyzerHttpServer(HttpServer server, ThreadPoolExecutor executor, PrometheusMeterRegistry registry,
      Probes probes, ApiSource api) {
    this.server = server;
    this.executor = executor;
    this.registry = registry;
    this.probes = probes;
    this.api = api;
  }

  /**
   * Binds {@code address} (port 0 picks a free port) and starts serving.
   *
   * @throws IOException when the address cannot be bound
   */
  public static AnalyzerHttpServer start(InetSocketAddress address, PrometheusMeterRegistry registry,
      Probes probes, ApiSource api) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    // A full queue rejects the request; the JDK server then closes that connection.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUED_REQUESTS), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
    AnalyzerHttpServer analyzerServer = new AnalyzerHttpServer(server, executor, registry, probes, api);
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
      if (!PATHS.contains(path)) {
        respond(exchange, 404, TEXT, text("not found\n"));
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, TEXT, text("use GET\n"));
      } else {
        route(exchange, path);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
      throw e;
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    switch (path) {
      case METRICS_PATH -> metrics(exchange);
      case HEALTH_PATH -> probe(exchange, probes.live().getAsBoolean(), "consumer not running\n");
      case READY_PATH -> probe(exchange, probes.ready().getAsBoolean(),
          "not ready: partitions not assigned yet, or windows still being rebuilt\n");
      case ENDPOINTS_PATH -> endpoints(exchange);
      case AGENTS_PATH -> respond(exchange, 200, JSON, ApiDocuments.agents(api.agents()));
      default -> respond(exchange, 404, TEXT, text("not found\n"));
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    String contentType = formats.findWriter(exchange.getRequestHeaders().getFirst("Accept")).getContentType();
    ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    // The registry picks its writer by the same content type, so header and body agree.
    registry.scrape(body, contentType);
    respond(exchange, 200, contentType, body.toByteArray());
  }

  private static void probe(HttpExchange exchange, boolean up, String downReason) throws IOException {
    if (up) {
      respond(exchange, 200, TEXT, text("ok\n"));
    } else {
      respond(exchange, 503, TEXT, text(downReason));
    }
  }

  private void endpoints(HttpExchange exchange) throws IOException {
    EndpointFilter filter;
    try {
      filter = EndpointFilter.parse(exchange.getRequestURI().getRawQuery());
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, JSON, ApiDocuments.error(e.getMessage()));
      return;
    }
    respond(exchange, 200, JSON, ApiDocuments.endpoints(api.endpoints(), filter));
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

package io.statusguard.simulator;

import com.sun.net.httpserver.HttpServer;
import io.statusguard.simulator.internal.firewall.Firewall;
import io.statusguard.simulator.internal.http.ProviderHandler;
import io.statusguard.simulator.internal.http.ResponseCounter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the card-payments provider on 127.0.0.1: its operations, status codes and body
 * shapes, its 207s, polling and rate limits, and its firewall that blocks a caller sending mostly errors.
 * Behaviour and every threshold are set by a {@link SimulatorConfig} and its {@link BlockPolicy}; with the
 * same seed and a sequential client every run gives the same identifiers and outcomes. Thread-safe;
 * requests are served by a small bounded pool.
 */
public final class ProviderSimulator implements AutoCloseable {
  private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
  private static final int BACKLOG = 64;
  private static final int QUEUED_EXCHANGES = 256;
  private static final long STOP_TIMEOUT_SECONDS = 5;

  private final SimulatorConfig config;
  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final Firewall firewall;
  private final ResponseCounter responses;
  private final URI baseUri;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ProviderSimulator(
      SimulatorConfig config, HttpServer server, ThreadPoolExecutor executor, Firewall firewall,
      ResponseCounter responses) {
    this.config = config;
    this.server = server;
    this.executor = executor;
    this.firewall = firewall;
    this.responses = responses;
    this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Binds 127.0.0.1 on the configured port (0 picks a free one) and starts serving. */
  public static ProviderSimulator start(SimulatorConfig config) throws IOException {
    Objects.requireNonNull(config, "config");
    disableResponseDelay();
    Firewall firewall = new Firewall(config.blockPolicy());
    ResponseCounter responses = new ResponseCounter();
    ThreadPoolExecutor executor = newExecutor(config.workerThreads());
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, config.port()), BACKLOG);
    } catch (IOException | RuntimeException e) {
      executor.shutdownNow();
      throw e;
    }
    server.createContext("/", ProviderHandler.create(config, firewall, responses));
    server.setExecutor(executor);
    server.start();
    return new ProviderSimulator(config, server, executor, firewall, responses);
  }

  /** For example {@code http://127.0.0.1:54321}, without a trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The token the simulator accepts in {@code Authorization: Bearer}. */
  public String bearerToken() {
    return config.bearerToken();
  }

  /** The first configured ClientID. */
  public String clientId() {
    return config.clientIds().get(0);
  }

  public SimulatorConfig config() {
    return config;
  }

  public SimulatorStats stats() {
    return new SimulatorStats(
        responses.snapshot(), firewall.blockedCallers(config.clock().instant()), firewall.blocksImposed());
  }

  /** Whether the firewall currently blocks {@code callerAddress}, e.g. {@code 127.0.0.1}. */
  public boolean isBlocked(String callerAddress) {
    return firewall.isBlocked(callerAddress, config.clock().instant());
  }

  /** Stops listening and waits briefly for requests in flight. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ProviderSimulator[" + baseUri + ']';
  }

  /**
   * The JDK server holds back small responses for about 40 ms (Nagle's algorithm on its sockets) unless
   * this property is set before its configuration class loads; that delay would dwarf every latency the
   * agent measures. A value set by the user wins.
   */
  private static void disableResponseDelay() {
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
  }

  private static ThreadPoolExecutor newExecutor(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread thread = new Thread(task, "provider-simulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    // When the queue is full the dispatcher serves the exchange itself: clients slow down instead of
    // seeing connections dropped, which a real provider would not do under this little load.
    return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUED_EXCHANGES), factory, new ThreadPoolExecutor.CallerRunsPolicy());
  }
}

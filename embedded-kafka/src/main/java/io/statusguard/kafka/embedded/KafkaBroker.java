package io.statusguard.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * A real single-node Kafka broker in KRaft mode, run as a child JVM from the kafka_2.13 jars in the
 * local Maven repository and listening on 127.0.0.1. The child dies with this JVM: a shutdown hook
 * stops it, and a watchdog inside it exits when this JVM vanishes without running hooks (SIGKILL).
 * Thread-safe; lifecycle calls are serialized.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FORCED_STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
  private static final int DESCRIBE_CLUSTER_TIMEOUT_MS = 2_000;
  private static final int PORT_ATTEMPTS = 3;
  /** What the JDK says, in the broker's log, when a listener's port is bound already. */
  private static final String ADDRESS_IN_USE = "Address already in use";

  private final BrokerOptions options;
  private final DataDirLayout layout;
  private final boolean ownsDataDir;
  private final int port;
  private final int saslPort;
  private final BrokerCommand command;
  private final Thread shutdownHook;

  /** Read without the lock by the shutdown hook, which must not wait for a stuck lifecycle call. */
  private volatile Process process;

  private Admin admin;
  private boolean closed;

  private KafkaBroker(
      BrokerOptions options,
      DataDirLayout layout,
      boolean ownsDataDir,
      int port,
      int saslPort,
      BrokerCommand command) {
    this.options = options;
    this.layout = layout;
    this.ownsDataDir = ownsDataDir;
    this.port = port;
    this.saslPort = saslPort;
    this.command = command;
    this.shutdownHook = new Thread(this::stopAtJvmExit, "statusguard-kafka-broker-shutdown");
  }

  /** Starts a broker on a free port with a temporary data directory; returns when it is ready. */
  public static KafkaBroker start() throws IOException {
    return start(BrokerOptions.defaults());
  }

  /**
   * Starts a broker as the options say and returns when it serves requests.
   *
   * @throws IOException if it does not start within the options' timeout; the message carries the
   *     tail of the broker's log
   */
  public static KafkaBroker start(BrokerOptions options) throws IOException {
    return start(options, LocalPorts::free);
  }

  /**
   * As {@link #start(BrokerOptions)}, with the ports the options leave open chosen by {@code ports}.
   * A chosen port that another process takes before the broker binds it is chosen again, up to
   * {@value #PORT_ATTEMPTS} times in all; a port the options name is not.
   */
  static KafkaBroker start(BrokerOptions options, PortChoice ports) throws IOException {
    Objects.requireNonNull(options, "options");
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(options, ports);
      } catch (PortTakenException e) {
        if (options.port() != 0 || attempt == PORT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static KafkaBroker startOnce(BrokerOptions options, PortChoice ports)
      throws IOException {
    Deadline deadline = Deadline.after(options.startTimeout());
    boolean ownsDataDir = options.dataDir() == null;
    DataDirLayout layout =
        DataDirLayout.at(
            ownsDataDir
                ? Files.createTempDirectory("statusguard-kafka-")
                : Files.createDirectories(options.dataDir()));
    KafkaBroker broker;
    try {
      BrokerCommand command = BrokerCommand.of(BrokerClasspath.load(), layout);
      int port = options.port() == 0 ? ports.next() : options.port();
      int saslPort = options.saslPlainUsers().isEmpty() ? 0 : ports.next();
      DataDirSetup.prepare(layout, command, port, saslPort, options, ports, deadline);
      broker = new KafkaBroker(options, layout, ownsDataDir, port, saslPort, command);
    } catch (IOException | RuntimeException e) {
      if (ownsDataDir) {
        deleteQuietly(layout, e);
      }
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
    try {
      broker.launch(deadline);
    } catch (IOException | RuntimeException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  /** {@code "127.0.0.1:<port>"}. */
  public String bootstrapServers() {
    return LocalPorts.HOST + ":" + port;
  }

  /**
   * {@code "127.0.0.1:<port>"} of the listener that requires SASL/PLAIN with one of the options'
   * users ({@code security.protocol=SASL_PLAINTEXT}, {@code sasl.mechanism=PLAIN}).
   *
   * @throws IllegalStateException if the options named no SASL/PLAIN user
   */
  public String saslPlainBootstrapServers() {
    if (saslPort == 0) {
      throw new IllegalStateException(
          "Kafka broker at " + bootstrapServers() + " has no SASL/PLAIN listener: it has no users");
    }
    return LocalPorts.HOST + ":" + saslPort;
  }

  /** Kills the broker process, keeping its data; returns once its port is closed. */
  public synchronized void stop() {
    Process running = process;
    if (running == null) {
      return;
    }
    closeAdmin();
    terminate(running);
    process = null;
    Deadline deadline = Deadline.after(FORCED_STOP_TIMEOUT);
    while (LocalPorts.isListening(port) && !deadline.hasPassed()) {
      pause();
    }
  }

  /** Starts the broker again on the same port with the same data; returns when it is ready. */
  public synchronized void restart() throws IOException {
    if (closed) {
      throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " is closed");
    }
    stop();
    launch(Deadline.after(options.startTimeout()));
  }

  public boolean isRunning() {
    Process running = process;
    return running != null && running.isAlive();
  }

  /**
   * Creates a topic with replication factor 1 and waits until every partition has a leader. An
   * existing topic with the same partition count is accepted as it is.
   *
   * @throws IllegalStateException if the broker is not running, the topic cannot be created within
   *     30 seconds, or it exists with another partition count
   */
  public synchronized void createTopic(String name, int partitions) {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    if (!isRunning()) {
      throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " is not running");
    }
    Deadline deadline = Deadline.after(TOPIC_TIMEOUT);
    TopicCreation.create(admin, name, partitions, Duration.ofMillis(deadline.remainingMillis()));
    int actual = awaitLeaders(name, deadline);
    if (actual != partitions) {
      throw new IllegalStateException(
          "Topic " + name + " already exists with " + actual + " partitions, not " + partitions);
    }
  }

  /** The broker's own log (Log4j, rolled at 10 MB); the raw JVM output sits beside it. */
  public Path logFile() {
    return layout.logFile();
  }

  /** Stops the broker and deletes its data directory, unless the options named that directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running or about to, and does no harm.
    }
    if (ownsDataDir) {
      try {
        layout.deleteRecursively();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not delete broker data in " + layout.root(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "KafkaBroker{" + bootstrapServers() + ", dataDir=" + layout.root() + '}';
  }

  private void launch(Deadline deadline) throws IOException {
    if (LocalPorts.isListening(port)) {
      throw new PortTakenException("Port " + port + " on " + LocalPorts.HOST + " is already in use");
    }
    // stdin stays a pipe that nobody writes: its end of file tells the watchdog this JVM is gone.
    process =
        new ProcessBuilder(command.runBroker())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(layout.consoleFile().toFile()))
            .start();
    try {
      awaitReady(deadline);
    } catch (IOException | RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Waits for the port, then for the broker to list itself in cluster metadata. */
  private void awaitReady(Deadline deadline) throws IOException {
    while (!LocalPorts.isListening(port)) {
      checkStarting(deadline, "did not open its port");
      pause();
    }
    admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "statusguard-embedded-kafka",
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500"));
    DescribeClusterOptions describe =
        new DescribeClusterOptions().timeoutMs(DESCRIBE_CLUSTER_TIMEOUT_MS);
    while (true) {
      checkStarting(deadline, "did not report itself in the cluster");
      try {
        if (!admin.describeCluster(describe).nodes().get().isEmpty()) {
          return;
        }
      } catch (ExecutionException e) {
        // Not serving metadata yet; ask again.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while waiting for the Kafka broker to start", e);
      }
      pause();
    }
  }

  private void checkStarting(Deadline deadline, String symptom) throws IOException {
    Process starting = process;
    if (!starting.isAlive()) {
      String message =
          "Kafka broker at "
              + bootstrapServers()
              + " exited with code "
              + starting.exitValue()
              + " while starting."
              + LogTail.of(layout);
      throw message.contains(ADDRESS_IN_USE)
          ? new PortTakenException(message)
          : new IOException(message);
    }
    if (deadline.hasPassed()) {
      throw new IOException(
          "Kafka broker at "
              + bootstrapServers()
              + " "
              + symptom
              + " within "
              + options.startTimeout()
              + '.'
              + LogTail.of(layout));
    }
  }

  /** Waits until every partition of the topic has a leader; returns the partition count. */
  private int awaitLeaders(String topic, Deadline deadline) {
    while (true) {
      try {
        TopicDescription description =
            admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(deadline.remainingMillis(), TimeUnit.MILLISECONDS)
                .get(topic);
        if (description.partitions().stream().allMatch(partition -> partition.leader() != null)) {
          return description.partitions().size();
        }
      } catch (ExecutionException e) {
        // Not yet in the broker's metadata; ask again.
      } catch (TimeoutException e) {
        throw new IllegalStateException("Timed out waiting for leaders of topic " + topic, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for topic " + topic, e);
      }
      if (deadline.hasPassed()) {
        throw new IllegalStateException("Timed out waiting for leaders of topic " + topic);
      }
      pause();
    }
  }

  private void closeAdmin() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
      admin = null;
    }
  }

  /** SIGTERM first, so that Kafka shuts down cleanly and a restart needs no log recovery. */
  private static void terminate(Process running) {
    // ProcessHandle.destroy, unlike Process.destroy, leaves stdin open, so that the watchdog does
    // not cut the graceful shutdown short.
    running.toHandle().destroy();
    if (!waitFor(running, GRACEFUL_STOP_TIMEOUT)) {
      running.destroyForcibly();
      waitFor(running, FORCED_STOP_TIMEOUT);
    }
    try {
      running.getOutputStream().close();
    } catch (IOException e) {
      // The child is gone; its end of the pipe no longer matters.
    }
  }

  private static boolean waitFor(Process running, Duration timeout) {
    try {
      return running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.destroyForcibly();
      return false;
    }
  }

  private void stopAtJvmExit() {
    Process running = process;
    if (running != null) {
      terminate(running);
    }
    if (ownsDataDir) {
      try {
        layout.deleteRecursively();
      } catch (IOException e) {
        // Best effort while the JVM exits: a leftover temporary directory is harmless.
      }
    }
  }

  private static void deleteQuietly(DataDirLayout layout, Exception failure) {
    try {
      layout.deleteRecursively();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
    }
  }

  /** A port of the broker's was bound by another process first. */
  private static final class PortTakenException extends IOException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }
}

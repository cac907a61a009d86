package io.statusguard.kafka.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ThreadLocalRandom;

/** Free-port lookup and liveness probes on 127.0.0.1. Stateless and thread-safe. */
final class LocalPorts {
  static final String HOST = "127.0.0.1";

  private static final int PROBE_TIMEOUT_MS = 250;
  /** The lowest port {@link #free} hands out when it can choose below the ephemeral range. */
  static final int LOWEST = 20_000;
  private static final int CANDIDATES = 100;
  static final Path EPHEMERAL_RANGE = Paths.get("/proc/sys/net/ipv4/ip_local_port_range");

  private LocalPorts() {}

  /**
   * A port that was free a moment ago, chosen at random below the kernel's ephemeral range where
   * the kernel says what that range is. Between this choice and the broker's bind lie seconds
   * (formatting the storage is a JVM of its own), and in those seconds every port-0 listener and
   * outgoing connection of the machine draws from the ephemeral range: a port the kernel itself
   * handed out and took back would soon be handed out again. Another process may still take it;
   * {@link KafkaBroker} then chooses again.
   */
  static int free() throws IOException {
    int ephemeralStart = ephemeralRangeStart();
    if (ephemeralStart - LOWEST >= 1_000) {
      for (int i = 0; i < CANDIDATES; i++) {
        int candidate = LOWEST + ThreadLocalRandom.current().nextInt(ephemeralStart - LOWEST);
        if (canBind(candidate)) {
          return candidate;
        }
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
      return socket.getLocalPort();
    }
  }

  /** The first port of the kernel's ephemeral range, or 0 where the kernel does not say. */
  static int ephemeralRangeStart() {
    // Read as a stream: a file under /proc may report a size smaller than what it holds.
    try (BufferedReader in = Files.newBufferedReader(EPHEMERAL_RANGE)) {
      String[] range = in.readLine().trim().split("\\s+");
      return Integer.parseInt(range[0]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // As Kafka binds: a port whose last connection lingers in TIME_WAIT is free to it.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(loopback(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(loopback(), port), PROBE_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static InetAddress loopback() {
    try {
      // The literal address, so that an IPv6-preferring resolver cannot hand back ::1.
      return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(e);
    }
  }
}

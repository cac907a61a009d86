package io.statusguard.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;

/** Free-port lookup and liveness probes on 127.0.0.1. Stateless and thread-safe. */
final class LocalPorts {
  static final String HOST = "127.0.0.1";

  private static final int PROBE_TIMEOUT_MS = 250;

  private LocalPorts() {}

  /**
   * A port that was free a moment ago. Another process may take it before the broker binds it; the
   * broker then fails to start with a clear "Address already in use" in its log.
   */
  static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
      return socket.getLocalPort();
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

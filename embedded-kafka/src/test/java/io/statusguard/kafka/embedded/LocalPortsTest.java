package io.statusguard.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class LocalPortsTest {
  @Test
  void choosesFreePortsBelowTheKernelsEphemeralRange() throws Exception {
    assumeTrue(Files.isReadable(LocalPorts.EPHEMERAL_RANGE), "the kernel names no ephemeral range");
    int ephemeralStart = LocalPorts.ephemeralRangeStart();
    assertThat(ephemeralStart).isGreaterThan(LocalPorts.LOWEST + 1_000);

    for (int i = 0; i < 20; i++) {
      int port = LocalPorts.free();

      assertThat(port).isBetween(LocalPorts.LOWEST, ephemeralStart - 1);
      // Free indeed: a listener can take it.
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        assertThat(LocalPorts.isListening(socket.getLocalPort())).isTrue();
      }
    }
  }
}

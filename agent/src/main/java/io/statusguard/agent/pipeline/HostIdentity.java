package io.statusguard.agent.pipeline;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;

/**
 * Defaults that need the network stack (the host's address and name), computed on the publisher
 * thread because name lookups can take seconds. Stateless.
 */
final class HostIdentity {
  static final String UNKNOWN = "unknown";

  private HostIdentity() {}

  /** {@code configured}, or this host's address as the provider would most likely see it. */
  static String egressGroup(String configured) {
    return configured != null ? configured : localAddress();
  }

  /** {@code configured}, or {@code <hostname>:<pid>}. */
  static String instanceId(String configured) {
    return configured != null ? configured : hostName() + ':' + ProcessHandle.current().pid();
  }

  /** The first IPv4 address of an interface that is up and not a loopback, else any non-loopback one. */
  static String localAddress() {
    String fallback = null;
    try {
      for (NetworkInterface network : interfaces()) {
        if (!network.isUp() || network.isLoopback() || network.isVirtual()) {
          continue;
        }
        for (InetAddress address : Collections.list(network.getInetAddresses())) {
          if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
            continue;
          }
          if (address instanceof Inet4Address) {
            return address.getHostAddress();
          }
          if (fallback == null) {
            fallback = address.getHostAddress();
          }
        }
      }
    } catch (SocketException | RuntimeException e) {
      // fall through to the local host's address
    }
    if (fallback != null) {
      return fallback;
    }
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  private static List<NetworkInterface> interfaces() throws SocketException {
    return Collections.list(NetworkInterface.getNetworkInterfaces());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException | RuntimeException e) {
      String fromEnvironment = System.getenv("HOSTNAME");
      return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : UNKNOWN;
    }
  }
}

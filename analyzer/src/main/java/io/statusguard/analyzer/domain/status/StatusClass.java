package io.statusguard.analyzer.domain.status;

import java.util.Optional;

/**
 * What a response means in the provider's own terms, independent of the exact status code. The wire
 * names are the values of the metric label {@code class} and of the profile's {@code class:} keys.
 */
public enum StatusClass {
  SUCCESS("success"),
  /** Accepted, with processing still pending (a batch). */
  PENDING("pending"),
  /** An upstream step failed and the resource's state is unknown. */
  UNKNOWN_STATE("unknown_state"),
  /** The request is wrong; changing it fixes the error. */
  CLIENT_FIXABLE("client_fixable"),
  /** Bad credentials or an address the provider does not allow; the body does not say which. */
  AUTH_OR_IP_BLOCK("auth_or_ip_block"),
  /** The provider refuses the sending IP address: what a volume spike of errors leads to. */
  IP_BLOCKED("ip_blocked"),
  PERMISSION("permission"),
  RATE_LIMITED("rate_limited"),
  /** A configured transaction limit was exceeded. */
  LIMIT_EXCEEDED("limit_exceeded"),
  /** The card cannot be pushed to or pulled from with the current configuration. */
  CARD_DISABLED("card_disabled"),
  LOCKED("locked"),
  PROVIDER_ERROR("provider_error"),
  /** No HTTP response arrived: connect, TLS or I/O failure, or a timeout. */
  NO_RESPONSE("no_response"),
  /** A status the model does not know, outside every family it describes. */
  UNKNOWN("unknown");

  private final String wireName;

  StatusClass(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Returns the class named {@code wireName}, or empty for a name this version does not know. */
  public static Optional<StatusClass> fromWireName(String wireName) {
    for (StatusClass statusClass : values()) {
      if (statusClass.wireName.equals(wireName)) {
        return Optional.of(statusClass);
      }
    }
    return Optional.empty();
  }
}

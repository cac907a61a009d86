package io.statusguard.event;

/**
 * Why no HTTP status arrived for an attempt. Events with an error type carry status 0. The wire names
 * are low-cardinality words, following OpenTelemetry's {@code error.type} with {@code _OTHER} as the
 * fallback.
 */
public enum ErrorType {
  /** The TCP connection could not be opened (refused, unreachable, DNS failure). */
  CONNECT("connect_error"),
  /** A connect, read or overall request timeout expired. */
  TIMEOUT("timeout"),
  /** The TLS handshake failed. */
  TLS("tls_error"),
  /** The connection broke after it was opened, before a status arrived. */
  IO("io_error"),
  /** Anything else. */
  OTHER("_OTHER");

  private final String wireName;

  ErrorType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Returns the error type with {@code wireName}, or {@link #OTHER} for a name this version does not know. */
  public static ErrorType fromWireName(String wireName) {
    for (ErrorType type : values()) {
      if (type.wireName.equals(wireName)) {
        return type;
      }
    }
    return OTHER;
  }
}

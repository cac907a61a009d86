package io.statusguard.analyzer.profile;

/** A provider profile that cannot be read or breaks the profile's rules; the message names the line when known. */
public final class InvalidProfileException extends RuntimeException {
  private final int line;

  InvalidProfileException(String message, int line, Throwable cause) {
    super(message, cause);
    this.line = line;
  }

  /** The 1-based line the problem was found on, or -1 when it concerns the whole document. */
  public int line() {
    return line;
  }
}

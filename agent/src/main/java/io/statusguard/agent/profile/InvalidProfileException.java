package io.statusguard.agent.profile;

/**
 * A provider profile that cannot be read or breaks the profile's rules. The message is one line that
 * names the profile and, when known, the line and column of the mistake:
 * {@code profile /etc/app/profile.yaml line 12, column 5: route 3 has no path}.
 */
public final class InvalidProfileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  InvalidProfileException(String source, int line, int column, String problem) {
    super("profile " + source + (line > 0 ? " line " + line + ", column " + column : "") + ": "
        + problem);
    this.line = line;
    this.column = column;
  }

  /** The 1-based line of the mistake, or 0 when it concerns the whole profile. */
  public int line() {
    return line;
  }

  /** The 1-based column of the mistake, or 0 when it concerns the whole profile. */
  public int column() {
    return column;
  }
}

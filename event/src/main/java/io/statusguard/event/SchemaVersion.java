package io.statusguard.event;

/**
 * The version of the event contract, written as {@code "MAJOR.MINOR"}. A reader accepts every minor
 * version of the major it knows (minor versions only add optional fields) and rejects other majors.
 */
public final class SchemaVersion {
  public static final int MAJOR = 1;
  public static final int MINOR = 1;
  public static final String CURRENT = MAJOR + "." + MINOR;

  private SchemaVersion() {}

  /**
   * Returns the major version of {@code version}, or -1 when it is not of the form {@code MAJOR.MINOR}
   * (or a bare {@code MAJOR}).
   */
  public static int majorOf(String version) {
    if (version == null || version.isEmpty() || version.length() > 16) {
      return -1;
    }
    int dot = version.indexOf('.');
    String major = dot < 0 ? version : version.substring(0, dot);
    String minor = dot < 0 ? "0" : version.substring(dot + 1);
    if (!isDigits(major) || !isDigits(minor)) {
      return -1;
    }
    return Integer.parseInt(major);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty() || s.length() > 6) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}

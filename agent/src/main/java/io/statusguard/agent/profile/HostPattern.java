package io.statusguard.agent.profile;

import java.util.Locale;
import java.util.Objects;

/**
 * A host name glob of a provider profile, matched case-insensitively against a request's host: {@code
 * *} stands for any run of characters (dots included), so {@code *.example.com} matches {@code
 * a.b.example.com} and {@code *} matches every host. Immutable and thread-safe.
 */
public final class HostPattern {
  static final int MAX_LENGTH = 255;

  private static final HostPattern ANY = new HostPattern("*");

  private final String glob;

  private HostPattern(String glob) {
    this.glob = glob;
  }

  /**
   * The pattern {@code glob}: letters, digits, {@code . - _}, {@code *}, and the colons of an IPv6
   * address, written without brackets as events carry it.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code glob}
   */
  public static HostPattern of(String glob) {
    Objects.requireNonNull(glob, "glob");
    if (glob.isEmpty() || glob.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a host must be 1 to " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || ".-:_*".indexOf(c) >= 0;
      if (!allowed) {
        throw new IllegalArgumentException("host '" + glob + "' has '" + c + "'; a host is a name or"
            + " an address, with '*' for any characters (no scheme, port or path)");
      }
    }
    if (glob.indexOf(':') >= 0 && glob.indexOf(':') == glob.lastIndexOf(':')) {
      throw new IllegalArgumentException("host '" + glob + "' has a port; the profile applies to a"
          + " host on every port");
    }
    return glob.equals("*") ? ANY : new HostPattern(glob.toLowerCase(Locale.ROOT));
  }

  /** The pattern that matches every host. */
  public static HostPattern any() {
    return ANY;
  }

  /** Whether {@code host} (lower case, as events carry it) matches. */
  public boolean matches(String host) {
    return this == ANY || matchesGlob(host.toLowerCase(Locale.ROOT));
  }

  /** Whether this pattern matches every host. */
  public boolean matchesAny() {
    return this == ANY;
  }

  /** Classic wildcard matching with backtracking to the last star: linear in practice, no regex. */
  private boolean matchesGlob(String host) {
    int h = 0;
    int g = 0;
    int starGlob = -1;
    int starHost = 0;
    while (h < host.length()) {
      if (g < glob.length() && glob.charAt(g) == '*') {
        starGlob = g++;
        starHost = h;
      } else if (g < glob.length() && glob.charAt(g) == host.charAt(h)) {
        g++;
        h++;
      } else if (starGlob >= 0) {
        g = starGlob + 1;
        h = ++starHost;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostPattern && glob.equals(((HostPattern) o).glob);
  }

  @Override
  public int hashCode() {
    return glob.hashCode();
  }

  @Override
  public String toString() {
    return glob;
  }
}

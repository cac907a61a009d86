package io.statusguard.simulator.internal.ledger;

import java.util.Locale;
import java.util.regex.Pattern;

/** The client-chosen ReferenceID: 1 to 15 characters of {@code [A-Za-z0-9_-]}, compared without case. */
public final class ReferenceIds {
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{1,15}");

  private ReferenceIds() {}

  public static boolean isWellFormed(String referenceId) {
    return referenceId != null && WELL_FORMED.matcher(referenceId).matches();
  }

  /** The key under which a ReferenceID is indexed: the provider treats {@code AbC} and {@code abc} alike. */
  static String key(String referenceId) {
    return referenceId.toLowerCase(Locale.ROOT);
  }
}

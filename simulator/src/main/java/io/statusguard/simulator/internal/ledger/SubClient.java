package io.statusguard.simulator.internal.ledger;

import java.util.Objects;
import java.util.regex.Pattern;

/** A sub-client: 4, 6 or 8 digits, addressed in paths as {@code {ClientID}_{SubClientID}}. */
public record SubClient(String id, String name) {
  private static final Pattern WELL_FORMED = Pattern.compile("[0-9]{4}|[0-9]{6}|[0-9]{8}");

  public SubClient {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  public static boolean isWellFormedId(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }
}

package io.statusguard.simulator.internal.ledger;

import java.time.Instant;
import java.util.Objects;

/** A key made by CreateKey. The simulator keeps no key material, only the identifier and its life. */
public record ApiKey(String id, Instant createdAt, boolean deleted) {

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}

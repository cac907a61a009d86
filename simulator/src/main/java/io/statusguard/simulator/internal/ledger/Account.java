package io.statusguard.simulator.internal.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One stored account: its identifiers, its card (absent for a bank account) and whether it was deleted. */
public record Account(
    String id, String referenceId, Optional<Card> card, Instant createdAt, boolean deleted) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(referenceId, "referenceId");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  Account withCard(Optional<Card> card) {
    return new Account(id, referenceId, card, createdAt, deleted);
  }

  Account markDeleted() {
    return new Account(id, referenceId, card, createdAt, true);
  }
}

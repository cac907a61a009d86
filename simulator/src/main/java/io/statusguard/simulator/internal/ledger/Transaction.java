package io.statusguard.simulator.internal.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One stored transaction; {@code lastRetrievedAt} is what the polling check compares against. */
public record Transaction(
    String id,
    String referenceId,
    BigDecimal amount,
    TransactionState state,
    Instant createdAt,
    Optional<Instant> lastRetrievedAt) {

  public Transaction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(referenceId, "referenceId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastRetrievedAt, "lastRetrievedAt");
  }

  Transaction withState(TransactionState state) {
    return new Transaction(id, referenceId, amount, state, createdAt, lastRetrievedAt);
  }

  Transaction retrievedAt(Instant now) {
    return new Transaction(id, referenceId, amount, state, createdAt, Optional.of(now));
  }
}

package io.statusguard.simulator.internal.ledger;

import java.time.Instant;

/** How a request about one transaction ended in the ledger. */
public sealed interface TransactionOutcome {

  /** Done; {@code transaction} is the state afterwards. */
  record Done(Transaction transaction) implements TransactionOutcome {}

  /** No transaction has this identifier (or it was forgotten to make room). */
  record NotFound() implements TransactionOutcome {}

  /** CreateTransaction refused: another transaction already uses this ReferenceID. */
  record ReferenceReused(String existingTransactionId) implements TransactionOutcome {}

  /** Retrieved again before the minimum polling interval passed. */
  record PolledTooSoon(Instant nextAllowedAt) implements TransactionOutcome {}

  /** A change on a transaction that DeleteTransaction already ended. */
  record Gone(Transaction transaction) implements TransactionOutcome {}

  /** A change the transaction's state does not allow. */
  record InvalidState(Transaction transaction) implements TransactionOutcome {}
}

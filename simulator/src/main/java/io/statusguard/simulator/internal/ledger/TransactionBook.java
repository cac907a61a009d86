package io.statusguard.simulator.internal.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One client's transactions, indexed by TransactionID and ReferenceID; the oldest is forgotten once
 * {@code capacity} is reached. Thread-safe: every method holds the book's lock, so the polling check and
 * the retrieval it allows happen together.
 */
public final class TransactionBook {
  private final BoundedStore<Transaction> transactions;
  private final Map<String, String> idByReference = new HashMap<>();
  private final ResourceIds ids;

  TransactionBook(int capacity, ResourceIds ids) {
    this.transactions = new BoundedStore<>(capacity);
    this.ids = ids;
  }

  public synchronized TransactionOutcome create(
      String referenceId, BigDecimal amount, TransactionState state, Instant now) {
    String existing = idByReference.get(ReferenceIds.key(referenceId));
    if (existing != null) {
      return new TransactionOutcome.ReferenceReused(existing);
    }
    Transaction created = new Transaction(ids.next(), referenceId, amount, state, now, Optional.empty());
    transactions.add(created.id(), created)
        .ifPresent(evicted -> idByReference.remove(ReferenceIds.key(evicted.referenceId())));
    idByReference.put(ReferenceIds.key(referenceId), created.id());
    return new TransactionOutcome.Done(created);
  }

  /** Looks a transaction up without counting as a retrieval. */
  public synchronized Optional<Transaction> findByReference(String referenceId) {
    return Optional.ofNullable(idByReference.get(ReferenceIds.key(referenceId)))
        .flatMap(transactions::get);
  }

  /**
   * Retrieves a transaction unless the previous served retrieval was less than {@code minPollInterval}
   * ago. A refused retrieval does not restart the interval, so a client that waits gets served.
   */
  public synchronized TransactionOutcome retrieve(
      String transactionId, Instant now, Duration minPollInterval) {
    Optional<Transaction> found = transactions.get(transactionId);
    if (found.isEmpty()) {
      return new TransactionOutcome.NotFound();
    }
    Optional<Instant> nextAllowedAt = found.get().lastRetrievedAt().map(t -> t.plus(minPollInterval));
    if (nextAllowedAt.isPresent() && now.isBefore(nextAllowedAt.get())) {
      return new TransactionOutcome.PolledTooSoon(nextAllowedAt.get());
    }
    Transaction retrieved = found.get().retrievedAt(now);
    transactions.replace(transactionId, retrieved);
    return new TransactionOutcome.Done(retrieved);
  }

  public synchronized TransactionOutcome apply(String transactionId, TransactionAction action) {
    Optional<Transaction> found = transactions.get(transactionId);
    if (found.isEmpty()) {
      return new TransactionOutcome.NotFound();
    }
    Transaction before = found.get();
    if (before.state().isDeleted()) {
      return new TransactionOutcome.Gone(before);
    }
    if (!action.appliesTo(before.state())) {
      return new TransactionOutcome.InvalidState(before);
    }
    Transaction after = before.withState(action.target());
    transactions.replace(transactionId, after);
    return new TransactionOutcome.Done(after);
  }
}

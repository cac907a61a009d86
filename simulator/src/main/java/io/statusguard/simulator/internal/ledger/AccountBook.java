package io.statusguard.simulator.internal.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One client's accounts, indexed by AccountID, ReferenceID and card fingerprint; the oldest account is
 * forgotten once {@code capacity} is reached. Thread-safe: every method holds the book's lock, so a
 * check and the change it guards happen together.
 */
public final class AccountBook {
  private final BoundedStore<Account> accounts;
  private final Map<String, String> idByReference = new HashMap<>();
  private final Map<String, Set<String>> liveIdsByCard = new HashMap<>();
  private final ResourceIds ids;

  AccountBook(int capacity, ResourceIds ids) {
    this.accounts = new BoundedStore<>(capacity);
    this.ids = ids;
  }

  public synchronized AccountCreation create(
      String referenceId, Optional<Card> card, boolean rejectDuplicateCard, Instant now) {
    String existing = idByReference.get(ReferenceIds.key(referenceId));
    if (existing != null) {
      return new AccountCreation.ReferenceReused(existing);
    }
    List<String> duplicates = card.map(this::liveIdsHolding).orElse(List.of());
    if (rejectDuplicateCard && !duplicates.isEmpty()) {
      return new AccountCreation.DuplicateCard(duplicates);
    }
    Account account = new Account(ids.next(), referenceId, card, now, /* deleted= */ false);
    accounts.add(account.id(), account).ifPresent(this::unindex);
    idByReference.put(ReferenceIds.key(referenceId), account.id());
    card.ifPresent(c -> liveIdsByCard.computeIfAbsent(c.fingerprint(), k -> new LinkedHashSet<>())
        .add(account.id()));
    return new AccountCreation.Created(account, duplicates);
  }

  public synchronized Optional<Account> find(String accountId) {
    return accounts.get(accountId);
  }

  public synchronized Optional<Account> findByReference(String referenceId) {
    return Optional.ofNullable(idByReference.get(ReferenceIds.key(referenceId))).flatMap(accounts::get);
  }

  /** Replaces the card of a live account; returns the account as it is afterwards (unchanged if deleted). */
  public synchronized Optional<Account> updateCard(String accountId, Optional<Card> card) {
    Optional<Account> found = accounts.get(accountId);
    if (found.isEmpty() || found.get().deleted()) {
      return found;
    }
    Account before = found.get();
    forgetCard(before);
    Account after = before.withCard(card);
    accounts.replace(accountId, after);
    card.ifPresent(c -> liveIdsByCard.computeIfAbsent(c.fingerprint(), k -> new LinkedHashSet<>())
        .add(accountId));
    return Optional.of(after);
  }

  /**
   * Marks an account deleted, and with {@code alsoDuplicates} every other live account holding its card.
   * Returns the account as it was before, so the caller can tell a repeat delete.
   */
  public synchronized Optional<Account> delete(String accountId, boolean alsoDuplicates) {
    Optional<Account> found = accounts.get(accountId);
    if (found.isEmpty() || found.get().deleted()) {
      return found;
    }
    List<String> doomed = new ArrayList<>(List.of(accountId));
    if (alsoDuplicates) {
      found.get().card().ifPresent(card -> doomed.addAll(liveIdsHolding(card)));
    }
    for (String id : doomed) {
      accounts.get(id).filter(a -> !a.deleted()).ifPresent(a -> {
        forgetCard(a);
        accounts.replace(id, a.markDeleted());
      });
    }
    return found;
  }

  private List<String> liveIdsHolding(Card card) {
    return new ArrayList<>(liveIdsByCard.getOrDefault(card.fingerprint(), Set.of()));
  }

  private void unindex(Account evicted) {
    idByReference.remove(ReferenceIds.key(evicted.referenceId()));
    forgetCard(evicted);
  }

  private void forgetCard(Account account) {
    account.card().ifPresent(c -> {
      Set<String> holders = liveIdsByCard.get(c.fingerprint());
      if (holders != null) {
        holders.remove(account.id());
        if (holders.isEmpty()) {
          liveIdsByCard.remove(c.fingerprint());
        }
      }
    });
  }
}

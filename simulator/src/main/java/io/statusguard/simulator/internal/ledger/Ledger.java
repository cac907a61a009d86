package io.statusguard.simulator.internal.ledger;

/**
 * Everything the simulated provider remembers about one client, each part bounded and thread-safe on
 * its own.
 */
public record Ledger(
    String clientId, AccountBook accounts, TransactionBook transactions, KeyRing keys,
    SubClientRegistry subClients) {

  static final int MAX_KEYS = 100;
  static final int MAX_SUB_CLIENTS = 100;

  static Ledger create(String clientId, int maxAccounts, int maxTransactions, ResourceIds ids) {
    return new Ledger(
        clientId,
        new AccountBook(maxAccounts, ids),
        new TransactionBook(maxTransactions, ids),
        new KeyRing(MAX_KEYS, ids),
        new SubClientRegistry(MAX_SUB_CLIENTS, ids));
  }
}

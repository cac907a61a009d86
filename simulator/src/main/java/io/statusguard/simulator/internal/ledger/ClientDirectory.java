package io.statusguard.simulator.internal.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured clients and their ledgers. A sub-client shares its parent's ledger: the simulator
 * checks that the sub-client exists and keeps no separate books for it. Thread-safe (immutable map).
 */
public final class ClientDirectory {
  private final Map<String, Ledger> ledgers;

  private ClientDirectory(Map<String, Ledger> ledgers) {
    this.ledgers = ledgers;
  }

  public static ClientDirectory of(
      List<String> clientIds, int maxAccounts, int maxTransactions, ResourceIds ids) {
    Map<String, Ledger> ledgers = new LinkedHashMap<>();
    for (String clientId : clientIds) {
      ledgers.put(clientId, Ledger.create(clientId, maxAccounts, maxTransactions, ids));
    }
    return new ClientDirectory(Map.copyOf(ledgers));
  }

  /** Resolves a path's ClientID segment, {@code {ClientID}} or {@code {ClientID}_{SubClientID}}. */
  public Optional<Ledger> resolve(String clientSegment) {
    int underscore = clientSegment.lastIndexOf('_');
    if (ledgers.containsKey(clientSegment) || underscore < 0) {
      return Optional.ofNullable(ledgers.get(clientSegment));
    }
    String subClientId = clientSegment.substring(underscore + 1);
    return Optional.ofNullable(ledgers.get(clientSegment.substring(0, underscore)))
        .filter(parent -> SubClient.isWellFormedId(subClientId))
        .filter(parent -> parent.subClients().find(subClientId).isPresent());
  }
}

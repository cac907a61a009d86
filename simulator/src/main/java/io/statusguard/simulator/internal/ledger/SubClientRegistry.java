package io.statusguard.simulator.internal.ledger;

import java.util.Optional;

/** One client's sub-clients, the oldest forgotten once {@code capacity} is reached. Thread-safe. */
public final class SubClientRegistry {
  private static final int ID_DIGITS = 6;

  private final BoundedStore<SubClient> subClients;
  private final ResourceIds ids;

  SubClientRegistry(int capacity, ResourceIds ids) {
    this.subClients = new BoundedStore<>(capacity);
    this.ids = ids;
  }

  public synchronized SubClient create(String name) {
    String id = ids.nextDigits(ID_DIGITS);
    // The capacity is far below the 900,000 six-digit identifiers, so this ends within a few draws.
    while (subClients.get(id).isPresent()) {
      id = ids.nextDigits(ID_DIGITS);
    }
    SubClient created = new SubClient(id, name);
    subClients.add(id, created);
    return created;
  }

  public synchronized Optional<SubClient> find(String subClientId) {
    return subClients.get(subClientId);
  }

  public synchronized Optional<SubClient> rename(String subClientId, String name) {
    Optional<SubClient> found = subClients.get(subClientId);
    found.ifPresent(s -> subClients.replace(subClientId, new SubClient(s.id(), name)));
    return found.map(s -> new SubClient(s.id(), name));
  }
}

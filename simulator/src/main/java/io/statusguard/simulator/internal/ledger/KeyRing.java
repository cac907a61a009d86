package io.statusguard.simulator.internal.ledger;

import java.time.Instant;
import java.util.Optional;

/** One client's keys, the oldest forgotten once {@code capacity} is reached. Thread-safe. */
public final class KeyRing {
  private final BoundedStore<ApiKey> keys;
  private final ResourceIds ids;

  KeyRing(int capacity, ResourceIds ids) {
    this.keys = new BoundedStore<>(capacity);
    this.ids = ids;
  }

  public synchronized ApiKey create(Instant now) {
    ApiKey key = new ApiKey(ids.next(), now, /* deleted= */ false);
    keys.add(key.id(), key);
    return key;
  }

  public synchronized Optional<ApiKey> find(String keyId) {
    return keys.get(keyId);
  }

  /** Marks a key deleted; returns it as it was before, so the caller can tell a repeat delete. */
  public synchronized Optional<ApiKey> delete(String keyId) {
    Optional<ApiKey> found = keys.get(keyId);
    found.filter(k -> !k.deleted())
        .ifPresent(k -> keys.replace(keyId, new ApiKey(k.id(), k.createdAt(), /* deleted= */ true)));
    return found;
  }
}

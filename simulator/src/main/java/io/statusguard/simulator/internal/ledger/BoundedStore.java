package io.statusguard.simulator.internal.ledger;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values by identifier, at most {@code capacity} of them: adding one more forgets the oldest and hands
 * it back so the owner can drop its secondary indexes. Not thread-safe; owners guard it with their lock.
 */
final class BoundedStore<V> {
  private final int capacity;
  private final Map<String, V> values = new LinkedHashMap<>();

  BoundedStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds a new value and returns the oldest one when that had to go to make room. */
  Optional<V> add(String id, V value) {
    Optional<V> evicted = Optional.empty();
    if (!values.containsKey(id) && values.size() >= capacity) {
      Iterator<V> oldest = values.values().iterator();
      evicted = Optional.of(oldest.next());
      oldest.remove();
    }
    values.put(id, value);
    return evicted;
  }

  /** Replaces the value of an identifier already stored, keeping its age. */
  void replace(String id, V value) {
    values.replace(id, value);
  }

  Optional<V> get(String id) {
    return Optional.ofNullable(values.get(id));
  }
}

package io.statusguard.simulator.internal.firewall;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-caller state for at most {@code capacity} callers, dropping the one seen least recently: a flood
 * of distinct addresses cannot grow the firewall without bound. Not thread-safe.
 */
final class RecentCallers<V> extends LinkedHashMap<String, V> {
  private final int capacity;

  RecentCallers(int capacity) {
    super(16, 0.75f, /* accessOrder= */ true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
    return size() > capacity;
  }
}

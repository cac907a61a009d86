package io.statusguard.analyzer.export;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits at most a fixed number of distinct values for one tag; the first values seen win. Reads are
 * lock-free; admitting a new value takes a lock, which is rare once the set of values has settled.
 */
final class TagValueLimit {
  private final String tagKey;
  private final int maxValues;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();

  TagValueLimit(String tagKey, int maxValues) {
    if (maxValues < 1) {
      throw new IllegalArgumentException("a tag needs room for at least one value: " + maxValues);
    }
    this.tagKey = tagKey;
    this.maxValues = maxValues;
  }

  String tagKey() {
    return tagKey;
  }

  /** Returns true when {@code value} was admitted before or fits now. */
  boolean admit(String value) {
    if (admitted.contains(value)) {
      return true;
    }
    synchronized (this) {
      if (admitted.size() < maxValues) {
        admitted.add(value);
        return true;
      }
    }
    return admitted.contains(value);
  }
}

package io.statusguard.analyzer.ingest;

/**
 * Whether a record reaches the sink for the first time in its consumer group, or again, read back after
 * a partition assignment only to rebuild the windows.
 */
public enum Delivery {
  /** Past the group's committed offset: count it everywhere. */
  NEW,
  /**
   * Before the group's committed offset, so some member has counted it already: rebuild windows from it,
   * but count it in no counter.
   */
  REPLAYED
}

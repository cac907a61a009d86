package io.statusguard.analyzer.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where this member stands in each partition: from which offset a record counts as {@link Delivery#NEW}
 * (the group's committed offset at assignment), which records it has already applied to its windows
 * (kept across rebalances, so a partition that comes back is not rebuilt twice), what it may commit,
 * and when the windows are rebuilt. It never commits below the group's committed offset, so a member
 * that stops mid-replay cannot make the next one count records twice.
 *
 * <p>Confined to the consumer thread.
 */
final class PartitionLedger {
  /** Per partition this member ever read: the offset after the last record applied to the windows. */
  private final Map<TopicPartition, Long> applied = new HashMap<>();
  private final Map<TopicPartition, Position> assigned = new HashMap<>();
  private boolean assignmentReceived;

  /** One assigned partition. */
  private static final class Position {
    final long countFrom;
    final long readyAt;
    long processed;
    long committed;

    Position(long countFrom, long readyAt, long processed, long committed) {
      this.countFrom = countFrom;
      this.readyAt = readyAt;
      this.processed = processed;
      this.committed = committed;
    }
  }

  /**
   * Takes a newly assigned partition and returns the offset to read it from. A group with a committed
   * offset reads back from the rebuild window's first record (or its committed offset, if later) and
   * counts from its committed offset. A group without one counts from the rebuild window's first record
   * and leaves older history alone.
   *
   * @param committed the group's committed offset, or -1 when it has none
   * @param rebuildFrom the first offset whose record is within the rebuild window, or -1 when none is
   * @param end the partition's end offset at assignment
   */
  long assign(TopicPartition partition, long committed, long rebuildFrom, long end) {
    long alreadyApplied = applied.getOrDefault(partition, 0L);
    if (alreadyApplied > end) {
      // The partition has fewer records than this member read from it: the topic was recreated.
      applied.remove(partition);
      alreadyApplied = 0;
    }
    long countFrom;
    long start;
    long readyAt;
    if (committed >= 0) {
      countFrom = committed;
      start = rebuildFrom >= 0 ? Math.min(rebuildFrom, committed) : committed;
      readyAt = committed;
    } else {
      countFrom = 0;
      start = rebuildFrom >= 0 ? rebuildFrom : end;
      readyAt = end;
    }
    // What this member applied before needs no second reading; past the committed offset it was
    // counted too, and committing it now spares the next owner a second count.
    start = Math.max(start, alreadyApplied);
    assigned.put(partition, new Position(countFrom, readyAt, start, committed));
    return start;
  }

  /** The assignment, possibly empty, is complete: readiness now depends on the partitions' positions. */
  void assignmentCompleted() {
    assignmentReceived = true;
  }

  /** How to treat the record at {@code offset}, or null when this member has applied it already. */
  Delivery deliveryOf(TopicPartition partition, long offset) {
    return deliveries(partition).of(offset);
  }

  /** How to treat the records of {@code partition} until the ledger next changes: two lookups for a batch. */
  Deliveries deliveries(TopicPartition partition) {
    Position position = assigned.get(partition);
    return new Deliveries(applied.getOrDefault(partition, 0L), position == null ? 0 : position.countFrom);
  }

  /** The offsets that divide a partition's records into applied already, replayed and new. */
  record Deliveries(long appliedBefore, long countFrom) {
    /** How to treat the record at {@code offset}, or null when this member has applied it already. */
    Delivery of(long offset) {
      if (offset < appliedBefore) {
        return null;
      }
      return offset < countFrom ? Delivery.REPLAYED : Delivery.NEW;
    }
  }

  void handled(TopicPartition partition, long offset) {
    applied.put(partition, offset + 1);
    Position position = assigned.get(partition);
    if (position != null && offset + 1 > position.processed) {
      position.processed = offset + 1;
    }
  }

  /** Offsets processed past both the group's committed offset and the last commit. */
  Map<TopicPartition, OffsetAndMetadata> toCommit() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    assigned.forEach((partition, position) -> {
      if (position.processed > position.committed && position.processed >= position.countFrom) {
        offsets.put(partition, new OffsetAndMetadata(position.processed));
      }
    });
    return offsets;
  }

  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((partition, offset) -> {
      Position position = assigned.get(partition);
      if (position != null) {
        position.committed = Math.max(position.committed, offset.offset());
      }
    });
  }

  /** Partitions revoked or lost; a rebalance is under way until the next {@link #assignmentCompleted()}. */
  void removed(Collection<TopicPartition> partitions) {
    partitions.forEach(assigned::remove);
    assignmentReceived = false;
  }

  /** The consumer is gone: it holds no partitions. What was applied to the windows stays applied. */
  void reset() {
    assigned.clear();
    assignmentReceived = false;
  }

  Set<TopicPartition> partitions() {
    return assigned.keySet();
  }

  /** True once an assignment was received and every assigned partition's position reached its rebuild point. */
  boolean rebuilt(ToLongFunction<TopicPartition> position) {
    if (!assignmentReceived) {
      return false;
    }
    for (Map.Entry<TopicPartition, Position> entry : assigned.entrySet()) {
      if (position.applyAsLong(entry.getKey()) < entry.getValue().readyAt) {
        return false;
      }
    }
    return true;
  }

  /** How many records before the counting offsets are read again, for the log. */
  long replayCount(TopicPartition partition, long start) {
    Position position = assigned.get(partition);
    return position == null ? 0 : Math.max(0, position.countFrom - start);
  }
}

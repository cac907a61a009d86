package io.statusguard.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionLedgerTest {
  private static final TopicPartition P0 = new TopicPartition("events", 0);
  private static final TopicPartition P1 = new TopicPartition("events", 1);

  private final PartitionLedger ledger = new PartitionLedger();

  @Test
  void readsBackTheRebuildWindowAndCountsFromTheCommittedOffset() {
    long start = ledger.assign(P0, 100, 40, 120);

    assertThat(start).isEqualTo(40);
    assertThat(ledger.deliveryOf(P0, 40)).isEqualTo(Delivery.REPLAYED);
    assertThat(ledger.deliveryOf(P0, 99)).isEqualTo(Delivery.REPLAYED);
    assertThat(ledger.deliveryOf(P0, 100)).isEqualTo(Delivery.NEW);
    assertThat(ledger.replayCount(P0, start)).isEqualTo(60);
  }

  @Test
  void startsAtTheCommittedOffsetWhenNothingBeforeItIsRecent() {
    assertThat(ledger.assign(P0, 100, -1, 120)).isEqualTo(100);
    assertThat(ledger.assign(P1, 100, 110, 120)).isEqualTo(100);
  }

  @Test
  void neverCommitsBelowTheGroupsCommittedOffset() {
    ledger.assign(P0, 100, 40, 120);

    handle(P0, 40, 99);
    Map<TopicPartition, OffsetAndMetadata> duringReplay = ledger.toCommit();
    handle(P0, 100, 104);

    assertThat(duringReplay).isEmpty();
    assertThat(ledger.toCommit()).containsExactly(Map.entry(P0, new OffsetAndMetadata(105)));
  }

  @Test
  void commitsEachOffsetOnce() {
    ledger.assign(P0, 100, -1, 120);
    handle(P0, 100, 109);

    ledger.committed(ledger.toCommit());

    assertThat(ledger.toCommit()).isEmpty();
  }

  @Test
  void aGroupWithoutOffsetsCountsFromTheRebuildWindowOn() {
    long start = ledger.assign(P0, -1, 30, 50);

    assertThat(start).isEqualTo(30);
    assertThat(ledger.deliveryOf(P0, 30)).isEqualTo(Delivery.NEW);
    assertThat(ledger.toCommit()).containsExactly(Map.entry(P0, new OffsetAndMetadata(30)));
  }

  @Test
  void aGroupWithoutOffsetsOrRecentRecordsStartsAtTheEnd() {
    assertThat(ledger.assign(P0, -1, -1, 50)).isEqualTo(50);
  }

  @Test
  void aPartitionThatComesBackIsNotAppliedTwice() {
    ledger.assign(P0, 100, 40, 120);
    handle(P0, 40, 119);
    ledger.removed(List.of(P0));

    long start = ledger.assign(P0, 120, 40, 130);

    assertThat(start).isEqualTo(120);
    assertThat(ledger.deliveryOf(P0, 50)).isNull();
    assertThat(ledger.deliveryOf(P0, 120)).isEqualTo(Delivery.NEW);
  }

  @Test
  void recordsHandledPastAFailedCommitAreCommittedNotCountedAgain() {
    ledger.assign(P0, 100, 40, 120);
    handle(P0, 40, 109);
    ledger.removed(List.of(P0));

    long start = ledger.assign(P0, 100, 40, 120);

    assertThat(start).isEqualTo(110);
    assertThat(ledger.deliveryOf(P0, 105)).isNull();
    assertThat(ledger.toCommit()).containsExactly(Map.entry(P0, new OffsetAndMetadata(110)));
  }

  @Test
  void forgetsWhatItReadFromATopicThatWasRecreated() {
    ledger.assign(P0, -1, 0, 100);
    handle(P0, 0, 99);
    ledger.reset();

    assertThat(ledger.assign(P0, -1, 0, 10)).isZero();
    assertThat(ledger.deliveryOf(P0, 0)).isEqualTo(Delivery.NEW);
  }

  @Test
  void isRebuiltOnceEveryPartitionReachedItsCommittedOffset() {
    ledger.assign(P0, 100, 40, 120);
    ledger.assign(P1, -1, 5, 10);
    Map<TopicPartition, Long> positions = new HashMap<>(Map.of(P0, 40L, P1, 5L));

    boolean beforeAssignmentCompleted = ledger.rebuilt(positions::get);
    ledger.assignmentCompleted();
    boolean duringReplay = ledger.rebuilt(positions::get);
    positions.put(P0, 100L);
    boolean beforeTheNewGroupCaughtUp = ledger.rebuilt(positions::get);
    positions.put(P1, 10L);
    boolean afterReplay = ledger.rebuilt(positions::get);
    ledger.removed(List.of(P1));
    boolean duringRebalance = ledger.rebuilt(positions::get);

    assertThat(beforeAssignmentCompleted).isFalse();
    assertThat(duringReplay).isFalse();
    assertThat(beforeTheNewGroupCaughtUp).isFalse();
    assertThat(afterReplay).isTrue();
    assertThat(duringRebalance).isFalse();
  }

  @Test
  void anEmptyAssignmentIsRebuiltAtOnce() {
    ledger.assignmentCompleted();

    assertThat(ledger.rebuilt(partition -> 0)).isTrue();
  }

  private void handle(TopicPartition partition, long from, long to) {
    for (long offset = from; offset <= to; offset++) {
      if (ledger.deliveryOf(partition, offset) != null) {
        ledger.handled(partition, offset);
      }
    }
  }
}

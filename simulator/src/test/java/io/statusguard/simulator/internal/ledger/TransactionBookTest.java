package io.statusguard.simulator.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransactionBookTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration POLL = Duration.ofSeconds(5);

  private final TransactionBook book = new TransactionBook(2, ResourceIds.seeded(1));

  private Transaction create(String referenceId, TransactionState state) {
    TransactionOutcome outcome = book.create(referenceId, BigDecimal.ONE, state, T0);
    assertThat(outcome).isInstanceOf(TransactionOutcome.Done.class);
    return ((TransactionOutcome.Done) outcome).transaction();
  }

  @Test
  void referenceIdsCompareWithoutCase() {
    create("Order-1", TransactionState.COMPLETED);

    assertThat(book.create("order-1", BigDecimal.ONE, TransactionState.COMPLETED, T0))
        .isInstanceOf(TransactionOutcome.ReferenceReused.class);
    assertThat(book.findByReference("ORDER-1")).isPresent();
  }

  @Test
  void forgetsTheOldestBeyondCapacityAndFreesItsReferenceId() {
    Transaction oldest = create("t1", TransactionState.COMPLETED);
    create("t2", TransactionState.COMPLETED);
    create("t3", TransactionState.COMPLETED);

    assertThat(book.retrieve(oldest.id(), T0, POLL)).isInstanceOf(TransactionOutcome.NotFound.class);
    assertThat(book.findByReference("t1")).isEmpty();
    assertThat(book.create("t1", BigDecimal.ONE, TransactionState.COMPLETED, T0))
        .isInstanceOf(TransactionOutcome.Done.class);
  }

  @Test
  void refusedRetrievalsDoNotRestartThePollingInterval() {
    Transaction created = create("t1", TransactionState.COMPLETED);

    assertThat(book.retrieve(created.id(), T0, POLL)).isInstanceOf(TransactionOutcome.Done.class);
    assertThat(book.retrieve(created.id(), T0.plusSeconds(4), POLL))
        .isEqualTo(new TransactionOutcome.PolledTooSoon(T0.plusSeconds(5)));
    assertThat(book.retrieve(created.id(), T0.plusSeconds(5), POLL))
        .isInstanceOf(TransactionOutcome.Done.class);
  }

  @Test
  void actionsFollowTheStateMachine() {
    Transaction held = create("t1", TransactionState.AUTHORIZED);

    assertThat(book.apply(held.id(), TransactionAction.REVERSE))
        .isInstanceOf(TransactionOutcome.InvalidState.class);
    assertThat(book.apply(held.id(), TransactionAction.CAPTURE)).isInstanceOf(TransactionOutcome.Done.class);
    assertThat(book.apply(held.id(), TransactionAction.REVERSE)).isInstanceOf(TransactionOutcome.Done.class);
    assertThat(book.apply(held.id(), TransactionAction.VOID)).isInstanceOf(TransactionOutcome.Gone.class);
  }

  @Test
  void unknownOutcomeCannotBeChanged() {
    Transaction unknown = create("t1", TransactionState.UNKNOWN);

    assertThat(book.apply(unknown.id(), TransactionAction.VOID))
        .isInstanceOf(TransactionOutcome.InvalidState.class);
  }
}

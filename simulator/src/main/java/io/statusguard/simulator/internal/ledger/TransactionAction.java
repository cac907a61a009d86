package io.statusguard.simulator.internal.ledger;

import java.util.EnumSet;
import java.util.Set;

/** A change a client may ask for on an existing transaction, with the states it applies to. */
public enum TransactionAction {
  /** CaptureTransaction (PATCH). */
  CAPTURE(TransactionState.COMPLETED, EnumSet.of(TransactionState.AUTHORIZED)),
  /** DeleteTransaction with {@code ?void}. */
  VOID(TransactionState.VOIDED, EnumSet.of(TransactionState.AUTHORIZED, TransactionState.COMPLETED)),
  /** DeleteTransaction with {@code ?reversal}. */
  REVERSE(TransactionState.REVERSED, EnumSet.of(TransactionState.COMPLETED));

  private final TransactionState target;
  private final Set<TransactionState> sources;

  TransactionAction(TransactionState target, Set<TransactionState> sources) {
    this.target = target;
    this.sources = sources;
  }

  TransactionState target() {
    return target;
  }

  boolean appliesTo(TransactionState state) {
    return sources.contains(state);
  }
}

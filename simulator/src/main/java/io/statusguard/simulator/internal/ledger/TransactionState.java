package io.statusguard.simulator.internal.ledger;

/** Where a transaction stands; the names are what the provider reports in {@code status}. */
public enum TransactionState {
  /** Created with {@code ?authorize}: funds held, waiting for CaptureTransaction. */
  AUTHORIZED,
  COMPLETED,
  /** An upstream step failed (the 207 case): the outcome is not known. */
  UNKNOWN,
  VOIDED,
  REVERSED;

  /** Whether DeleteTransaction already ended this transaction: later changes answer 410. */
  public boolean isDeleted() {
    return this == VOIDED || this == REVERSED;
  }
}

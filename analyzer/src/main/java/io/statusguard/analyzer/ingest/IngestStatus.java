package io.statusguard.analyzer.ingest;

/** What the consumer reports about itself, for probes and metrics. Every method is safe from any thread. */
public interface IngestStatus {
  /** True while the consumer thread runs, whether or not a broker is reachable. */
  boolean isRunning();

  /**
   * True once this member has received its assignment from the group and read back every assigned
   * partition up to where its windows are rebuilt; false again while a rebalance is in progress. A
   * member the group gives no partition, because others hold them all, is ready once the topic exists.
   */
  boolean isReady();

  /** Records of the assigned partitions not read yet, summed; 0 without an assignment. */
  long lagRecords();

  long deadLettersWritten();

  long deadLettersFailed();
}

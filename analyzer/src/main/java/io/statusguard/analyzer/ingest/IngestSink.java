package io.statusguard.analyzer.ingest;

/**
 * Receives every decoded record, in partition order, on the consumer thread. Implementations must be
 * fast and thread-safe towards their readers; an exception is logged and the record counts as handled.
 */
@FunctionalInterface
public interface IngestSink {
  /**
   * Takes one record.
   *
   * @param nowMillis the consumer's clock, read once per poll batch rather than once per record
   */
  void accept(Decoded decoded, Delivery delivery, long nowMillis);
}

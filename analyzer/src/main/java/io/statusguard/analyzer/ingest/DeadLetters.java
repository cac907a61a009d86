package io.statusguard.analyzer.ingest;

import java.nio.ByteBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where copies of rejected records go. Called on the consumer thread; counts may be read from any thread. */
interface DeadLetters extends AutoCloseable {
  /** Copies nothing: dead letters are off. */
  DeadLetters NONE = new DeadLetters() {
    @Override
    public void copy(ConsumerRecord<byte[], ByteBuffer> record, Decoded.Rejected rejection) {}

    @Override
    public long written() {
      return 0;
    }

    @Override
    public long failed() {
      return 0;
    }

    @Override
    public void close() {}
  };

  /** Sends a copy of {@code record} with the reason in its headers; never blocks for long and never throws. */
  void copy(ConsumerRecord<byte[], ByteBuffer> record, Decoded.Rejected rejection);

  long written();

  long failed();

  @Override
  void close();
}

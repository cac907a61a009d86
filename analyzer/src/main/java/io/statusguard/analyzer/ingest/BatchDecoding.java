package io.statusguard.analyzer.ingest;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes the values of one poll's records for one partition on a helper thread while the consumer
 * thread does other work (the sink's work on the previous batch, the next poll): decoding is the
 * consumer's costliest step per record, and it needs no order, while the sink that follows takes the
 * results in partition order on the consumer thread. The helper claims chunks of records from {@link
 * #start} on; {@link Batch#await} claims whatever is left on the caller's thread, so a helper that gets
 * no processor costs at most the chunk it holds, and a batch is always decoded whole before the sink
 * sees any of it.
 *
 * <p>{@link #start} and {@link Batch#await} are called by one thread; {@link #close()} stops the helper.
 */
final class BatchDecoding implements AutoCloseable {
  static final String HELPER_THREAD_NAME = "statusguard-decoder";
  /** Records per claim: large enough that claiming costs nothing, small enough to share a batch evenly. */
  private static final int CHUNK = 64;

  private final ResponseEventDecoder decoder;
  private final ExecutorService helper = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, HELPER_THREAD_NAME);
    thread.setDaemon(true);
    return thread;
  });

  BatchDecoding(ResponseEventDecoder decoder) {
    this.decoder = decoder;
  }

  /** Starts decoding {@code records} on the helper; batches started earlier are decoded first. */
  Batch start(List<ConsumerRecord<byte[], ByteBuffer>> records) {
    Batch batch = new Batch(records);
    if (records.size() > CHUNK) {
      batch.share();
    }
    return batch;
  }

  @Override
  public void close() {
    helper.shutdownNow();
  }

  /** One partition's records of one poll, being decoded. */
  final class Batch {
    private final List<ConsumerRecord<byte[], ByteBuffer>> records;
    private final Decoded[] decoded;
    // Read beside each value, so that the consumer thread, which handles the records in order, need not
    // touch a record object the decoder's processor has in its cache.
    private final long[] offsets;
    private final AtomicInteger next = new AtomicInteger();
    // Whoever sets it first decides whether the helper takes part: the helper when it starts, or the
    // caller of await once it has run out of chunks, so that a helper that starts late does nothing.
    private final AtomicBoolean helperStarted = new AtomicBoolean();
    private Future<?> shared;
    /** What {@link ReadAhead} read, kept so that its reads stay; never read. */
    @SuppressWarnings("unused")
    private int readAhead;

    private Batch(List<ConsumerRecord<byte[], ByteBuffer>> records) {
      this.records = records;
      this.decoded = new Decoded[records.size()];
      this.offsets = new long[records.size()];
    }

    int size() {
      return decoded.length;
    }

    ConsumerRecord<byte[], ByteBuffer> record(int i) {
      return records.get(i);
    }

    /** The offset of record {@code i}, once {@link #await} has returned. */
    long offset(int i) {
      return offsets[i];
    }

    /** What record {@code i} decoded to, once {@link #await} has returned. */
    Decoded decoded(int i) {
      return decoded[i];
    }

    /** Returns the decoded value of each record, at the record's index, decoding what the helper has not. */
    Decoded[] await() {
      decodeChunks();
      // A helper that has not started has nothing to finish; one that has may still hold a chunk.
      if (shared != null && !helperStarted.compareAndSet(false, true)) {
        awaitHelper();
      }
      return decoded;
    }

    private void share() {
      try {
        shared = helper.submit(() -> {
          if (helperStarted.compareAndSet(false, true)) {
            decodeChunks();
          }
        });
      } catch (RejectedExecutionException e) {
        // Closed: the consumer is stopping, and decodes this last batch alone in await.
      }
    }

    private void decodeChunks() {
      int touched = 0;
      for (int start = next.getAndAdd(CHUNK); start < records.size(); start = next.getAndAdd(CHUNK)) {
        for (int i = start, end = Math.min(start + CHUNK, records.size()); i < end; i++) {
          if (i + ReadAhead.DISTANCE < end) {
            touched += ReadAhead.touch(records.get(i + ReadAhead.DISTANCE).value());
          }
          decodeAt(i);
        }
      }
      readAhead = touched;
    }

    private void decodeAt(int i) {
      ConsumerRecord<byte[], ByteBuffer> record = records.get(i);
      offsets[i] = record.offset();
      decoded[i] = decoder.decode(record.value());
    }

    private void awaitHelper() {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            shared.get();
            return;
          } catch (InterruptedException e) {
            // The consumer is woken for closing through Kafka, not by interrupts; finish the batch first.
            interrupted = true;
          } catch (ExecutionException e) {
            // The decoder never throws, so this is a rejected or broken helper: decode what it left here.
            fillGaps();
            return;
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private void fillGaps() {
      for (int i = 0; i < decoded.length; i++) {
        if (decoded[i] == null) {
          decodeAt(i);
        }
      }
    }
  }
}

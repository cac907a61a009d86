package io.statusguard.analyzer.ingest;

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
 * Decodes the values of one poll's records for one partition, sharing a large batch with a helper thread:
 * decoding is the consumer's costliest step per record, and it needs no order, while the sink that follows
 * takes the results in partition order on the consumer thread. Both threads claim chunks of records until
 * none is left, so a helper that gets no processor costs at most the chunk it holds. The batch is
 * decoded whole before the sink sees any of it, so offsets are still committed after processing.
 *
 * <p>{@link #decode} is called by one thread at a time; {@link #close()} stops the helper.
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

  /** Returns the decoded value of each record, at the record's index. */
  Decoded[] decode(List<ConsumerRecord<byte[], byte[]>> records) {
    Decoded[] decoded = new Decoded[records.size()];
    if (records.size() <= CHUNK) {
      decodeRange(records, decoded, 0, records.size());
      return decoded;
    }
    AtomicInteger next = new AtomicInteger();
    // Whoever sets it first decides whether the helper takes part: the helper when it starts, or this
    // thread once it has run out of chunks, so that a helper that starts late does nothing.
    AtomicBoolean helperStarted = new AtomicBoolean();
    Future<?> shared;
    try {
      shared = helper.submit(() -> {
        if (helperStarted.compareAndSet(false, true)) {
          decodeChunks(records, decoded, next);
        }
      });
    } catch (RejectedExecutionException e) {
      // Closed: the consumer is stopping, and decodes this last batch alone.
      decodeRange(records, decoded, 0, records.size());
      return decoded;
    }
    decodeChunks(records, decoded, next);
    // A helper that has not started has nothing to finish; one that has may still hold a chunk.
    if (!helperStarted.compareAndSet(false, true)) {
      awaitHelper(shared, records, decoded);
    }
    return decoded;
  }

  @Override
  public void close() {
    helper.shutdownNow();
  }

  private void decodeChunks(List<ConsumerRecord<byte[], byte[]>> records, Decoded[] decoded, AtomicInteger next) {
    for (int start = next.getAndAdd(CHUNK); start < records.size(); start = next.getAndAdd(CHUNK)) {
      decodeRange(records, decoded, start, Math.min(start + CHUNK, records.size()));
    }
  }

  private void decodeRange(List<ConsumerRecord<byte[], byte[]>> records, Decoded[] decoded, int from, int to) {
    for (int i = from; i < to; i++) {
      decoded[i] = decoder.decode(records.get(i).value());
    }
  }

  private void awaitHelper(Future<?> shared, List<ConsumerRecord<byte[], byte[]>> records, Decoded[] decoded) {
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
          fillGaps(records, decoded);
          return;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void fillGaps(List<ConsumerRecord<byte[], byte[]>> records, Decoded[] decoded) {
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i] == null) {
        decoded[i] = decoder.decode(records.get(i).value());
      }
    }
  }
}

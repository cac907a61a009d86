package io.statusguard.analyzer.ingest;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member of a Kafka consumer group that decodes every record of the event topic and hands it to an
 * {@link IngestSink}, committing the offsets of processed records (at-least-once): in the background at
 * most every {@value #COMMIT_INTERVAL_MILLIS} ms while it runs, so that no poll waits for the broker, and
 * synchronously when partitions are revoked and on close. A member that dies without closing leaves
 * at most that interval's records to be counted again by the member that takes its partitions over. On
 * each partition assignment it reads back the records of the rebuild window before the group's committed
 * offset, handing them over as {@link Delivery#REPLAYED} so that windows are rebuilt while counters stay
 * exact; see {@link PartitionLedger}. Rejected records are counted by the sink and, if configured, copied
 * to a dead-letter topic; none of them stops the partition.
 *
 * <p>All Kafka work happens on one daemon thread named {@value #THREAD_NAME}. A helper thread decodes
 * each poll's records ({@link BatchDecoding}) while this thread hands the previous poll's to the sink, in
 * partition order, and polls again: a poll that follows a batch takes only records already fetched, so a
 * batch waits for no broker; {@link #close()} and the {@link IngestStatus} methods may be called from any
 * thread. An unreachable broker is not fatal: the
 * thread keeps retrying and says so in one log line.
 */
public final class KafkaEventConsumer implements IngestStatus, AutoCloseable {
  public static final String THREAD_NAME = "statusguard-consumer";

  private static final Logger log = LoggerFactory.getLogger(KafkaEventConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);
  static final long COMMIT_INTERVAL_MILLIS = 1_000;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration TOPIC_LOOKUP_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RESTART_BACKOFF = Duration.ofSeconds(2);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
  private static final long UNASSIGNED_WARNING_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final ConsumerSettings settings;
  private final BatchDecoding decoding;
  private final IngestSink sink;
  private final InstantSource clock;
  private final DeadLetters deadLetters;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Consumer<byte[], ByteBuffer> current;
  private volatile boolean ready;
  private final AtomicLong lag = new AtomicLong();

  // Confined to the consumer thread.
  private final PartitionLedger ledger = new PartitionLedger();
  // The last poll's records, decoded on the helper while this thread polls again and handled before
  // anything else reads or changes the ledger; null when every polled record is handled.
  private Polled pending;
  private final Set<DecodeFailure> loggedReasons = EnumSet.noneOf(DecodeFailure.class);
  private boolean warnedUnavailable;
  private boolean loggedSinkFailure;
  private long lastCommitNanos;
  private boolean loggedCommitFailure;

  private KafkaEventConsumer(ConsumerSettings settings, ResponseEventDecoder decoder, IngestSink sink,
      InstantSource clock, DeadLetters deadLetters) {
    this.settings = settings;
    this.decoding = new BatchDecoding(decoder);
    this.sink = sink;
    this.clock = clock;
    this.deadLetters = deadLetters;
    this.thread = new Thread(this::run, THREAD_NAME);
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) -> log.error("The consumer thread stopped", e));
  }

  /** Starts the consumer thread and returns at once; joining the group happens in the background. */
  public static KafkaEventConsumer start(ConsumerSettings settings, ResponseEventDecoder decoder, IngestSink sink) {
    return start(settings, decoder, sink, InstantSource.system());
  }

  /** As {@link #start(ConsumerSettings, ResponseEventDecoder, IngestSink)}, with time read from {@code clock}. */
  public static KafkaEventConsumer start(ConsumerSettings settings, ResponseEventDecoder decoder, IngestSink sink,
      InstantSource clock) {
    DeadLetters deadLetters = settings.deadLetterTopic() == null
        ? DeadLetters.NONE
        : DeadLetterProducer.open(settings.bootstrapServers(), settings.deadLetterTopic());
    KafkaEventConsumer consumer = new KafkaEventConsumer(settings, decoder, sink, clock, deadLetters);
    consumer.thread.start();
    return consumer;
  }

  @Override
  public boolean isRunning() {
    return thread.isAlive();
  }

  @Override
  public boolean isReady() {
    return ready && thread.isAlive();
  }

  @Override
  public long lagRecords() {
    return lag.get();
  }

  @Override
  public long deadLettersWritten() {
    return deadLetters.written();
  }

  @Override
  public long deadLettersFailed() {
    return deadLetters.failed();
  }

  /** Waits until the consumer thread has ended, after {@link #close()} or an unexpected failure. */
  public void awaitTermination() throws InterruptedException {
    thread.join();
  }

  /** Wakes the consumer, commits what it processed, leaves the group and waits for the thread to end. */
  @Override
  public void close() {
    closing.countDown();
    Consumer<byte[], ByteBuffer> consumer = current;
    if (consumer != null) {
      consumer.wakeup();
    }
    try {
      thread.join(JOIN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deadLetters.close();
  }

  private boolean isClosing() {
    return closing.getCount() == 0;
  }

  private void run() {
    try {
      while (!isClosing()) {
        try {
          runOneConsumer();
        } catch (KafkaException e) {
          if (isClosing()) {
            return;
          }
          warnUnavailable("Kafka consumer failed ({}); retrying every {} s", describe(e),
              RESTART_BACKOFF.toSeconds());
          awaitBackoff();
        }
      }
    } finally {
      decoding.close();
    }
  }

  private void runOneConsumer() {
    // Values as views of the fetch response: the decoder reads an event in place, never copying it.
    KafkaConsumer<byte[], ByteBuffer> consumer =
        new KafkaConsumer<>(settings.toProperties(), new ByteArrayDeserializer(), new ByteBufferDeserializer());
    current = consumer;
    try {
      // close() reads current after setting closing; reading closing after setting current means one
      // of the two threads sees the other's write, so a wakeup is never lost.
      if (!isClosing()) {
        consume(consumer);
      }
    } catch (WakeupException e) {
      handlePending();
      commit(consumer, CLOSE_TIMEOUT);
    } finally {
      // After a failure the records polled last count as if handled before it; nothing commits them.
      handlePending();
      current = null;
      ready = false;
      lag.set(0);
      ledger.reset();
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    }
  }

  private void consume(Consumer<byte[], ByteBuffer> consumer) {
    consumer.subscribe(List.of(settings.topic()), new Rebalance(consumer));
    long unassignedSince = System.nanoTime();
    while (true) {
      // While a batch waits, the poll only takes records already fetched: a quiet topic must not delay it.
      ConsumerRecords<byte[], ByteBuffer> records = consumer.poll(pending == null ? POLL_TIMEOUT : Duration.ZERO);
      Polled polled = records.isEmpty() ? null : startDecoding(records);
      handlePending();
      pending = polled;
      commitInBackground(consumer);
      if (pending == null) {
        // Only while every polled record is handled, so that ready means the windows hold the rebuild.
        publishStatus(consumer);
      }
      if (!consumer.assignment().isEmpty()) {
        unassignedSince = System.nanoTime();
      } else if (System.nanoTime() - unassignedSince > UNASSIGNED_WARNING_NANOS && !ready) {
        warnUnavailable("No partition of topic {} assigned after {} s: is Kafka at {} reachable and the topic "
            + "created? Still trying", settings.topic(), TimeUnit.NANOSECONDS.toSeconds(UNASSIGNED_WARNING_NANOS),
            settings.bootstrapServers());
      }
    }
  }

  private Polled startDecoding(ConsumerRecords<byte[], ByteBuffer> records) {
    // Once per batch: a batch takes milliseconds, while a clock read per record is a tenth of its cost.
    long nowMillis = clock.millis();
    List<PartitionBatch> batches = new ArrayList<>(records.partitions().size());
    for (TopicPartition partition : records.partitions()) {
      batches.add(new PartitionBatch(partition, decoding.start(records.records(partition))));
    }
    return new Polled(nowMillis, batches);
  }

  /**
   * Hands the records of the last poll to the sink, if any wait. Called before anything that reads or
   * changes the ledger: the next poll's records, a rebalance, a commit on close.
   */
  private void handlePending() {
    Polled polled = pending;
    if (polled == null) {
      return;
    }
    pending = null;
    for (PartitionBatch batch : polled.batches()) {
      handle(batch.partition(), batch.batch(), polled.nowMillis());
    }
  }

  private void handle(TopicPartition partition, BatchDecoding.Batch batch, long nowMillis) {
    batch.await();
    // The ledger changes only below, once the whole batch is handled.
    PartitionLedger.Deliveries deliveries = ledger.deliveries(partition);
    long last = -1;
    for (int i = 0; i < batch.size(); i++) {
      Delivery delivery = deliveries.of(batch.offset(i));
      if (delivery != null) {
        handle(partition, batch, i, delivery, nowMillis);
        last = batch.offset(i);
      }
    }
    if (last >= 0) {
      // Once per partition and batch: the records come in offset order, and each was handled.
      ledger.handled(partition, last);
    }
  }

  private void handle(TopicPartition partition, BatchDecoding.Batch batch, int i, Delivery delivery, long nowMillis) {
    Decoded decoded = batch.decoded(i);
    if (delivery == Delivery.NEW && decoded instanceof Decoded.Rejected rejected) {
      logRejection(batch.record(i), rejected);
      deadLetters.copy(batch.record(i), rejected);
    }
    try {
      sink.accept(decoded, delivery, nowMillis);
    } catch (RuntimeException e) {
      if (!loggedSinkFailure) {
        loggedSinkFailure = true;
        log.error("The sink failed on a record at {}@{}; further failures are logged at DEBUG", partition,
            batch.offset(i), e);
      } else {
        log.debug("The sink failed on a record at {}@{}", partition, batch.offset(i), e);
      }
    }
  }

  private void publishStatus(Consumer<byte[], ByteBuffer> consumer) {
    long sum = 0;
    for (TopicPartition partition : ledger.partitions()) {
      OptionalLong partitionLag = consumer.currentLag(partition);
      if (partitionLag.isPresent()) {
        sum += partitionLag.getAsLong();
      }
    }
    lag.set(sum);
    boolean rebuilt = ledger.rebuilt(partition -> consumer.position(partition, REQUEST_TIMEOUT));
    // A member with no partition is ready when others hold them all, not when the topic is missing.
    ready = rebuilt && (!ledger.partitions().isEmpty() || topicExists(consumer));
  }

  private boolean topicExists(Consumer<byte[], ByteBuffer> consumer) {
    try {
      return !consumer.partitionsFor(settings.topic(), TOPIC_LOOKUP_TIMEOUT).isEmpty();
    } catch (TimeoutException e) {
      return false;
    }
  }

  private void logRejection(ConsumerRecord<byte[], ByteBuffer> record, Decoded.Rejected rejected) {
    if (loggedReasons.add(rejected.reason())) {
      log.warn("Rejected the record at {}-{}@{} as {}: {} (further {} records are logged at DEBUG)",
          record.topic(), record.partition(), record.offset(), rejected.reason().wireName(), rejected.detail(),
          rejected.reason().wireName());
    } else {
      log.debug("Rejected the record at {}-{}@{} as {}: {}", record.topic(), record.partition(), record.offset(),
          rejected.reason().wireName(), rejected.detail());
    }
  }

  private void commit(Consumer<byte[], ByteBuffer> consumer, Duration timeout) {
    Map<TopicPartition, OffsetAndMetadata> offsets = ledger.toCommit();
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets, timeout);
      ledger.committed(offsets);
    } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
      // The records stay uncommitted: whoever owns the partitions next reads them again (at-least-once),
      // and a later successful commit here covers them too.
      log.warn("Could not commit offsets of topic {}: {}", settings.topic(), e.toString());
    }
  }

  /**
   * Commits what was processed without waiting for the broker, at most once per interval. The callback
   * runs on this thread, within a later poll; a failed commit is retried by the next one, whose offsets
   * are at least as far.
   */
  private void commitInBackground(Consumer<byte[], ByteBuffer> consumer) {
    long now = System.nanoTime();
    if (now - lastCommitNanos < TimeUnit.MILLISECONDS.toNanos(COMMIT_INTERVAL_MILLIS)) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = ledger.toCommit();
    if (offsets.isEmpty()) {
      return;
    }
    lastCommitNanos = now;
    consumer.commitAsync(offsets, (committed, failure) -> {
      if (failure == null) {
        ledger.committed(committed);
      } else if (!loggedCommitFailure) {
        loggedCommitFailure = true;
        log.warn("Could not commit offsets of topic {}: {} (retried with the next commit; further failures are "
            + "logged at DEBUG)", settings.topic(), failure.toString());
      } else {
        log.debug("Could not commit offsets of topic {}: {}", settings.topic(), failure.toString());
      }
    });
  }

  private void warnUnavailable(String format, Object... arguments) {
    if (!warnedUnavailable) {
      warnedUnavailable = true;
      log.warn(format, arguments);
    } else {
      log.debug(format, arguments);
    }
  }

  private static String describe(KafkaException e) {
    Throwable cause = e.getCause();
    return cause == null || cause == e ? e.getMessage() : e.getMessage() + ": " + cause.getMessage();
  }

  private void awaitBackoff() {
    try {
      closing.await(RESTART_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // Nobody else interrupts this thread: an interrupt can only mean stop.
      closing.countDown();
    }
  }

  /**
   * Commits processed records before partitions move to another member, and positions newly assigned
   * partitions so that the rebuild window is read back. Runs on the consumer thread, inside poll.
   */
  private final class Rebalance implements ConsumerRebalanceListener {
    private final Consumer<byte[], ByteBuffer> consumer;

    Rebalance(Consumer<byte[], ByteBuffer> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      handlePending();
      ready = false;
      // Closing revokes too; then the short timeout keeps shutdown prompt when the broker is gone.
      commit(consumer, isClosing() ? CLOSE_TIMEOUT : COMMIT_TIMEOUT);
      ledger.removed(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      handlePending();
      ready = false;
      ledger.removed(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      handlePending();
      if (!partitions.isEmpty()) {
        position(new HashSet<>(partitions));
      }
      ledger.assignmentCompleted();
      warnedUnavailable = false;
    }

    private void position(Set<TopicPartition> partitions) {
      // End offsets before the time lookup: a record that arrives in between is then either found by
      // the lookup or at or past the end, never skipped.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, REQUEST_TIMEOUT);
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, REQUEST_TIMEOUT);
      Map<TopicPartition, OffsetAndTimestamp> recent = recentOffsets(partitions);
      long replayed = 0;
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata groupOffset = committed.get(partition);
        OffsetAndTimestamp firstRecent = recent.get(partition);
        long start = ledger.assign(partition,
            groupOffset == null ? -1 : groupOffset.offset(),
            firstRecent == null ? -1 : firstRecent.offset(),
            ends.getOrDefault(partition, 0L));
        consumer.seek(partition, start);
        replayed += ledger.replayCount(partition, start);
      }
      log.info("Reading {} partition(s) of topic {} as group {}, reading back up to {} record(s) of the last {} "
          + "to rebuild the windows: {}", partitions.size(), settings.topic(), settings.groupId(), replayed,
          settings.rebuildWindow(), partitions);
    }

    private Map<TopicPartition, OffsetAndTimestamp> recentOffsets(Set<TopicPartition> partitions) {
      if (settings.rebuildWindow().isZero()) {
        return Map.of();
      }
      long since = Math.max(0, clock.millis() - settings.rebuildWindow().toMillis());
      Map<TopicPartition, Long> times = new HashMap<>();
      for (TopicPartition partition : partitions) {
        times.put(partition, since);
      }
      return consumer.offsetsForTimes(times, REQUEST_TIMEOUT);
    }
  }

  /** The records of one poll, by partition, being decoded; read at {@code nowMillis}. */
  private record Polled(long nowMillis, List<PartitionBatch> batches) {}

  private record PartitionBatch(TopicPartition partition, BatchDecoding.Batch batch) {}
}

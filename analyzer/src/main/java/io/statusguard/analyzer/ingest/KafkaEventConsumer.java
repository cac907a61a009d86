package io.statusguard.analyzer.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member of a Kafka consumer group that decodes every record of the event topic and hands it to an
 * {@link IngestSink}, committing offsets synchronously after each processed batch (at-least-once). Records
 * are keyed by egress group, so one member reads all of a group's events in order.
 *
 * <p>All Kafka work happens on one daemon thread named {@value #THREAD_NAME}; {@link #close()} may be
 * called from any thread. An unreachable broker is not fatal: the thread keeps retrying and says so in
 * one log line.
 */
public final class KafkaEventConsumer implements AutoCloseable {
  public static final String THREAD_NAME = "statusguard-consumer";

  private static final Logger log = LoggerFactory.getLogger(KafkaEventConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RESTART_BACKOFF = Duration.ofSeconds(2);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
  private static final long UNASSIGNED_WARNING_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final ConsumerSettings settings;
  private final ResponseEventDecoder decoder;
  private final IngestSink sink;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Consumer<byte[], byte[]> current;

  // Confined to the consumer thread.
  private final Set<DecodeFailure> loggedReasons = EnumSet.noneOf(DecodeFailure.class);
  private boolean uncommitted;
  private boolean warnedUnavailable;
  private boolean loggedSinkFailure;

  private KafkaEventConsumer(ConsumerSettings settings, ResponseEventDecoder decoder, IngestSink sink) {
    this.settings = settings;
    this.decoder = decoder;
    this.sink = sink;
    this.thread = new Thread(this::run, THREAD_NAME);
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) -> log.error("The consumer thread stopped", e));
  }

  /** Starts the consumer thread and returns at once; joining the group happens in the background. */
  public static KafkaEventConsumer start(ConsumerSettings settings, ResponseEventDecoder decoder, IngestSink sink) {
    KafkaEventConsumer consumer = new KafkaEventConsumer(settings, decoder, sink);
    consumer.thread.start();
    return consumer;
  }

  /** True while the consumer thread runs, whether or not a broker is reachable. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** Waits until the consumer thread has ended, after {@link #close()} or an unexpected failure. */
  public void awaitTermination() throws InterruptedException {
    thread.join();
  }

  /** Wakes the consumer, commits what it processed, leaves the group and waits for the thread to end. */
  @Override
  public void close() {
    closing.countDown();
    Consumer<byte[], byte[]> consumer = current;
    if (consumer != null) {
      consumer.wakeup();
    }
    try {
      thread.join(JOIN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean isClosing() {
    return closing.getCount() == 0;
  }

  private void run() {
    while (!isClosing()) {
      try {
        runOneConsumer();
      } catch (KafkaException e) {
        if (isClosing()) {
          return;
        }
        warnUnavailable("Kafka consumer failed ({}); retrying every {} s", describe(e), RESTART_BACKOFF.toSeconds());
        awaitBackoff();
      }
    }
  }

  private void runOneConsumer() {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(settings.toProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    current = consumer;
    try {
      // close() reads current after setting closing; reading closing after setting current means one
      // of the two threads sees the other's write, so a wakeup is never lost.
      if (!isClosing()) {
        consume(consumer);
      }
    } catch (WakeupException e) {
      if (uncommitted) {
        commit(consumer, CLOSE_TIMEOUT);
      }
    } finally {
      current = null;
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    }
  }

  private void consume(Consumer<byte[], byte[]> consumer) {
    consumer.subscribe(List.of(settings.topic()), new CommitOnRevoke(consumer));
    long unassignedSince = System.nanoTime();
    while (true) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
      for (ConsumerRecord<byte[], byte[]> record : records) {
        handle(record);
      }
      if (!records.isEmpty()) {
        uncommitted = true;
        commit(consumer, COMMIT_TIMEOUT);
      }
      if (!consumer.assignment().isEmpty()) {
        unassignedSince = System.nanoTime();
      } else if (System.nanoTime() - unassignedSince > UNASSIGNED_WARNING_NANOS) {
        warnUnavailable("No partition of topic {} assigned after {} s: is Kafka at {} reachable and the topic "
            + "created? Still trying", settings.topic(), TimeUnit.NANOSECONDS.toSeconds(UNASSIGNED_WARNING_NANOS),
            settings.bootstrapServers());
      }
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    Decoded decoded = decoder.decode(record.value());
    if (decoded instanceof Decoded.Rejected rejected) {
      logRejection(record, rejected);
    }
    try {
      sink.accept(decoded);
    } catch (RuntimeException e) {
      if (!loggedSinkFailure) {
        loggedSinkFailure = true;
        log.error("The sink failed on a record at {}-{}@{}; further failures are logged at DEBUG",
            record.topic(), record.partition(), record.offset(), e);
      } else {
        log.debug("The sink failed on a record at {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
      }
    }
  }

  private void logRejection(ConsumerRecord<byte[], byte[]> record, Decoded.Rejected rejected) {
    if (loggedReasons.add(rejected.reason())) {
      log.warn("Rejected the record at {}-{}@{} as {}: {} (further {} records are logged at DEBUG)",
          record.topic(), record.partition(), record.offset(), rejected.reason().wireName(), rejected.detail(),
          rejected.reason().wireName());
    } else {
      log.debug("Rejected the record at {}-{}@{} as {}: {}", record.topic(), record.partition(), record.offset(),
          rejected.reason().wireName(), rejected.detail());
    }
  }

  private void commit(Consumer<byte[], byte[]> consumer, Duration timeout) {
    try {
      consumer.commitSync(timeout);
      uncommitted = false;
    } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
      // The records stay uncommitted: whoever owns the partitions next reads them again (at-least-once),
      // and a later successful commit here covers them too.
      log.warn("Could not commit offsets of topic {}: {}", settings.topic(), e.toString());
    }
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

  /** Logs assignments and commits processed records before partitions move to another member. */
  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    private final Consumer<byte[], byte[]> consumer;

    CommitOnRevoke(Consumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (uncommitted) {
        // Closing revokes too; then the short timeout keeps shutdown prompt when the broker is gone.
        commit(consumer, isClosing() ? CLOSE_TIMEOUT : COMMIT_TIMEOUT);
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      warnedUnavailable = false;
      log.info("Reading {} partition(s) of topic {} as group {}: {}", partitions.size(), settings.topic(),
          settings.groupId(), partitions);
    }
  }
}

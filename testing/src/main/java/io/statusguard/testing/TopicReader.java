package io.statusguard.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from its beginning, for assertions on what other components wrote to it. It joins
 * no consumer group and commits nothing; it reads the partitions the topic has when it first
 * appears, and keeps every record it has read, up to a bound. Not thread-safe, like the consumer it
 * wraps.
 *
 * <pre>{@code
 * try (TopicReader reader = TopicReader.fromBeginning(kafka.bootstrapServers(), "events")) {
 *   List<ConsumerRecord<String, String>> records = reader.readAtLeast(3, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class TopicReader implements AutoCloseable {
  /** Enough for any test; a topic with more is a runaway producer, reported as such. */
  public static final int DEFAULT_MAX_RECORDS = 100_000;

  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final int RECORDS_IN_FAILURE_MESSAGE = 5;
  private static final int VALUE_CHARS_IN_FAILURE_MESSAGE = 300;

  private final String topic;
  private final int maxRecords;
  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
  private boolean assigned;

  private TopicReader(String topic, int maxRecords, KafkaConsumer<String, String> consumer) {
    this.topic = topic;
    this.maxRecords = maxRecords;
    this.consumer = consumer;
  }

  /** A reader of every record of {@code topic}, keys and values decoded as UTF-8 strings. */
  public static TopicReader fromBeginning(String bootstrapServers, String topic) {
    return fromBeginning(bootstrapServers, topic, DEFAULT_MAX_RECORDS);
  }

  /**
   * As {@link #fromBeginning(String, String)}, failing once more than {@code maxRecords} arrive.
   */
  public static TopicReader fromBeginning(String bootstrapServers, String topic, int maxRecords) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topic, "topic");
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be at least 1, was " + maxRecords);
    }
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "statusguard-topic-reader");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Reading must not create the topic as a side effect: a missing topic is something to wait for.
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    return new TopicReader(topic, maxRecords, consumer);
  }

  /**
   * Reads until {@code done} accepts every record read so far (in partition order, partitions
   * interleaved as they arrive) and returns them.
   *
   * @throws AssertionError if {@code done} still refuses them after {@code timeout}
   * @throws IllegalStateException if more than the reader's maximum number of records arrive
   */
  public List<ConsumerRecord<String, String>> readUntil(
      Predicate<? super List<ConsumerRecord<String, String>>> done, Duration timeout) {
    Objects.requireNonNull(done, "done");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(records())) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(
            "Condition not met within "
                + timeout
                + " after reading "
                + records.size()
                + " records from topic "
                + topic
                + describeLast());
      }
      pollOnce();
    }
    return records();
  }

  /** Reads until at least {@code count} records have arrived and returns all read so far. */
  public List<ConsumerRecord<String, String>> readAtLeast(int count, Duration timeout) {
    return readUntil(read -> read.size() >= count, timeout);
  }

  /** Every record read so far, oldest first. */
  public List<ConsumerRecord<String, String>> records() {
    return Collections.unmodifiableList(new ArrayList<>(records));
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }

  private void pollOnce() {
    if (!assigned) {
      assignWhenTopicExists();
      return;
    }
    for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
      if (records.size() >= maxRecords) {
        throw new IllegalStateException(
            "Topic "
                + topic
                + " holds more than "
                + maxRecords
                + " records; is a producer looping?");
      }
      records.add(record);
    }
  }

  private void assignWhenTopicExists() {
    List<PartitionInfo> partitions;
    try {
      partitions = consumer.partitionsFor(topic, POLL_TIMEOUT);
    } catch (TimeoutException e) {
      partitions = List.of(); // The broker is not answering yet: ask again until the deadline.
    }
    if (partitions == null || partitions.isEmpty()) {
      sleep(POLL_TIMEOUT);
      return;
    }
    List<TopicPartition> topicPartitions =
        partitions.stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .collect(Collectors.toList());
    consumer.assign(topicPartitions);
    consumer.seekToBeginning(topicPartitions);
    assigned = true;
  }

  private String describeLast() {
    if (records.isEmpty()) {
      return "";
    }
    List<ConsumerRecord<String, String>> last =
        records.subList(Math.max(0, records.size() - RECORDS_IN_FAILURE_MESSAGE), records.size());
    return last.stream()
        .map(TopicReader::describe)
        .collect(Collectors.joining("\n  ", "; last ones:\n  ", ""));
  }

  private static String describe(ConsumerRecord<String, String> record) {
    return record.partition()
        + "@"
        + record.offset()
        + " "
        + record.key()
        + "="
        + abbreviate(record.value());
  }

  private static String abbreviate(String value) {
    return value == null || value.length() <= VALUE_CHARS_IN_FAILURE_MESSAGE
        ? value
        : value.substring(0, VALUE_CHARS_IN_FAILURE_MESSAGE) + "...";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a topic", e);
    }
  }
}

package io.statusguard.analyzer.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies rejected records to a dead-letter topic, with the original key, value and headers and the
 * rejection in headers of its own. Best effort: a copy that cannot be sent within a short bound is
 * counted as failed and the record is skipped all the same, so a broken dead-letter topic never stalls
 * the event topic. Thread-safe.
 */
final class DeadLetterProducer implements DeadLetters {
  /** The rejection reason, a {@link DecodeFailure} wire name. */
  static final String REASON_HEADER = "statusguard.rejection.reason";
  /** What was wrong; never repeats a string value of the record. */
  static final String DETAIL_HEADER = "statusguard.rejection.detail";
  /** Where the record came from: {@code topic-partition@offset}. */
  static final String SOURCE_HEADER = "statusguard.source";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterProducer.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean loggedFailure;

  private DeadLetterProducer(KafkaProducer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  static DeadLetterProducer open(String bootstrapServers, String topic) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    // Bounded memory, and a bounded wait for metadata or buffer space: the consumer thread sends.
    properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Integer.toString(4 * 1024 * 1024));
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    return new DeadLetterProducer(
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer()), topic);
  }

  @Override
  public void copy(ConsumerRecord<byte[], ByteBuffer> record, Decoded.Rejected rejection) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.add(REASON_HEADER, utf8(rejection.reason().wireName()));
    headers.add(DETAIL_HEADER, utf8(rejection.detail()));
    headers.add(SOURCE_HEADER, utf8(record.topic() + '-' + record.partition() + '@' + record.offset()));
    // The value is a view of the consumer's fetch response: the producer takes a copy of its own.
    byte[] value = RecordValue.copyOf(record.value());
    try {
      producer.send(new ProducerRecord<>(topic, null, record.key(), value, headers), (metadata, e) -> {
        if (e == null) {
          written.incrementAndGet();
        } else {
          fail(e);
        }
      });
    } catch (KafkaException e) {
      fail(e);
    }
  }

  @Override
  public long written() {
    return written.get();
  }

  @Override
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }

  private void fail(Exception e) {
    failed.incrementAndGet();
    if (!loggedFailure) {
      loggedFailure = true;
      log.warn("Could not copy a rejected record to dead-letter topic {}: {}; further failures are only counted",
          topic, e.toString());
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package io.statusguard.agent.isolation.conflicting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The application's own use of Kafka and Jackson: a topic of its own, created with its admin client,
 * one JSON record per provider call, each sent before the next call, and a consumer that reads them
 * all back at the end. Not thread-safe: the scenarios make one call at a time.
 */
final class AuditTrail implements AutoCloseable {
  private static final long SEND_TIMEOUT_SECONDS = 60;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

  private final ObjectMapper json = new ObjectMapper();
  private final String bootstrapServers;
  private final String topic;
  private final KafkaProducer<String, String> producer;
  private int calls;

  private AuditTrail(String bootstrapServers, String topic,
      KafkaProducer<String, String> producer) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.producer = producer;
  }

  static AuditTrail open(String bootstrapServers, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin client = Admin.create(admin)) {
      client.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all()
          .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    Properties producer = new Properties();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producer.put(ProducerConfig.CLIENT_ID_CONFIG, "audit");
    return new AuditTrail(bootstrapServers, topic,
        new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer()));
  }

  /** Records one call and its outcome; returns once Kafka has it. */
  void record(String method, String outcome) throws Exception {
    calls++;
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("call", calls);
    entry.put("method", method);
    entry.put("outcome", outcome);
    producer.send(new ProducerRecord<>(topic, String.valueOf(calls), toJson(entry)))
        .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private String toJson(Map<String, Object> entry) throws JsonProcessingException {
    return json.writeValueAsString(entry);
  }

  /** Every record sent so far, in order, read back from the topic. */
  List<String> readBack() {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-reader");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (values.size() < calls && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  @Override
  public void close() {
    producer.close();
  }
}

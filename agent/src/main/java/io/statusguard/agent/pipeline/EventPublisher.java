package io.statusguard.agent.pipeline;

import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.agent.endpoint.ProviderRoutes;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Drains the observation queue on one daemon thread, {@value #THREAD_NAME}: it templates each
 * observation, builds and encodes its event and sends it to Kafka, keyed by egress group. The Kafka
 * producer is created on that thread when the first observation arrives, so an application that makes
 * no HTTP calls never loads it. While Kafka is unreachable, one event at a time probes it and the rest
 * are dropped and counted, so that the thread never stalls on one blocked send after another.
 *
 * <p>{@link #start()} and {@link #stop(long)} may be called from any thread; everything else runs on
 * the publisher thread, except delivery callbacks, which run on Kafka's I/O thread.
 */
public final class EventPublisher {
  public static final String THREAD_NAME = "statusguard-publisher";
  static final int BATCH_SIZE = 512;
  static final long POLL_MILLIS = 50;
  /** How long to wait before creating a producer again after its creation failed. */
  static final long PRODUCER_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final AgentConfig config;
  private final ObservationQueue queue;
  private final AgentCounters counters;
  private final Supplier<Producer<byte[], byte[]>> producers;
  private final DeliveryHealth health;
  private final PrintStream err;
  private final Thread thread;
  private final AtomicBoolean probeInFlight = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopRequested;
  private volatile long stopDeadlineNanos;
  private volatile EndpointTemplater templater;

  private Producer<byte[], byte[]> producer;
  private long nextProducerAttemptNanos;
  private EventAssembler assembler;

  EventPublisher(AgentConfig config, ObservationQueue queue, AgentCounters counters,
      Supplier<Producer<byte[], byte[]>> producers, PrintStream err) {
    this.config = config;
    this.queue = queue;
    this.counters = counters;
    this.producers = producers;
    this.err = err;
    this.health = new DeliveryHealth(config.bootstrapServers(), counters, err);
    this.thread = new Thread(this::run, THREAD_NAME);
    thread.setDaemon(true);
    thread.setContextClassLoader(EventPublisher.class.getClassLoader());
  }

  /** A publisher sending to the Kafka cluster that {@code config} names. */
  public static EventPublisher create(AgentConfig config, ObservationQueue queue,
      AgentCounters counters, PrintStream err) {
    return new EventPublisher(config, queue, counters,
        () -> new KafkaProducer<>(ProducerSettings.of(config), new ByteArraySerializer(),
            new ByteArraySerializer()),
        err);
  }

  public void start() {
    if (started.compareAndSet(false, true)) {
      thread.start();
    }
  }

  /**
   * Publishes what is queued and waits for Kafka's acknowledgements, for at most {@code timeoutMs} in
   * all; returns whether everything seen was delivered or dropped by then. If something is still
   * outstanding and no warning was printed yet, prints it now: those events are lost.
   */
  public boolean stop(long timeoutMs) {
    stopDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    stopRequested = true;
    if (started.get()) {
      try {
        thread.join(Math.max(1, timeoutMs));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    long outstanding = counters.outstanding();
    if (outstanding > 0 && !health.warned()) {
      health.onFailure(outstanding + " events not delivered within " + AgentConfig.FLUSH_TIMEOUT_MS
          + "=" + timeoutMs);
    }
    return outstanding == 0;
  }

  /** Requests that got a {@code /{overflow}} template; zero until the first event is built. */
  public long templateOverflowCount() {
    EndpointTemplater current = templater;
    return current == null ? 0 : current.overflowCount();
  }

  private void run() {
    try {
      List<ResponseObservation> batch = new ArrayList<>(BATCH_SIZE);
      while (!stopRequested) {
        ResponseObservation first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        publish(first);
        batch.clear();
        queue.drainTo(batch, BATCH_SIZE);
        for (ResponseObservation observation : batch) {
          publish(observation);
        }
      }
      drainUntilDeadline();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      err.println("[statusguard] WARN event publisher stopped: " + DeliveryHealth.describe(e)
          + "; further events are dropped and counted");
    } finally {
      closeProducer();
    }
  }

  private void drainUntilDeadline() {
    ResponseObservation observation;
    while (System.nanoTime() - stopDeadlineNanos < 0 && (observation = queue.poll()) != null) {
      publish(observation);
    }
  }

  private void publish(ResponseObservation observation) {
    ProducerRecord<byte[], byte[]> record;
    try {
      ResponseEvent event = assembler().assemble(observation);
      record = new ProducerRecord<>(config.topic(),
          event.egressGroup().getBytes(StandardCharsets.UTF_8), ResponseEventEncoder.encode(event));
    } catch (RuntimeException e) {
      counters.recordDropped(DropReason.ENCODE_FAILED);
      return;
    }
    if (!producerReady()) {
      counters.recordDropped(DropReason.SEND_FAILED);
      return;
    }
    boolean probe = health.failing();
    if (probe && !probeInFlight.compareAndSet(false, true)) {
      counters.recordDropped(DropReason.SEND_FAILED);
      return;
    }
    try {
      producer.send(record, new Delivery(probe));
    } catch (RuntimeException e) {
      // Kafka reports most failures to the callback; what it throws (e.g. an interrupted or closed
      // producer) is handled the same way.
      onDelivery(probe, e);
    }
  }

  private EventAssembler assembler() {
    if (assembler == null) {
      // Host lookups may block for seconds: they happen here, on the publisher thread, once.
      EndpointTemplater endpoints = EndpointTemplater.create(ProviderRoutes.builtIn());
      assembler = new EventAssembler(config.serviceName(),
          HostIdentity.instanceId(config.serviceInstanceId()),
          HostIdentity.egressGroup(config.egressGroup()), endpoints);
      templater = endpoints;
    }
    return assembler;
  }

  private boolean producerReady() {
    if (producer != null) {
      return true;
    }
    long now = System.nanoTime();
    if (nextProducerAttemptNanos != 0 && now - nextProducerAttemptNanos < 0) {
      return false;
    }
    try {
      producer = producers.get();
      return true;
    } catch (RuntimeException e) {
      // E.g. an invalid kafka.* setting or no resolvable bootstrap server.
      nextProducerAttemptNanos = now + PRODUCER_RETRY_NANOS;
      health.onFailure(e);
      return false;
    }
  }

  private void onDelivery(boolean probe, Exception failure) {
    if (failure == null) {
      counters.recordSent();
      health.onSuccess();
    } else {
      // Warn first, so that the drop which reveals the outage is counted among its drops.
      health.onFailure(failure);
      counters.recordSendFailure();
    }
    if (probe) {
      probeInFlight.set(false);
    }
  }

  private void closeProducer() {
    if (producer == null) {
      return;
    }
    long remainingNanos = stopRequested && !health.failing()
        ? Math.max(0, stopDeadlineNanos - System.nanoTime()) : 0;
    try {
      // Closing flushes what is buffered; what cannot be delivered in time fails its callback.
      producer.close(Duration.ofNanos(remainingNanos));
    } catch (RuntimeException e) {
      // The JVM is stopping or the publisher failed: nothing left to tell.
    }
  }

  /** Counts the outcome of one send; runs on Kafka's I/O thread, so it stays short. */
  private final class Delivery implements Callback {
    private final boolean probe;

    Delivery(boolean probe) {
      this.probe = probe;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      onDelivery(probe, exception);
    }
  }
}

package io.statusguard.agent.pipeline;

import io.statusguard.agent.body.PendingBodies;
import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.agent.endpoint.ProviderRoutes;
import io.statusguard.agent.profile.InvalidProfileException;
import io.statusguard.agent.profile.ProfileReader;
import io.statusguard.event.AgentHeartbeatEncoder;
import io.statusguard.event.ResponseEventEncoder;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Drains the observation queue on one daemon thread, {@value #THREAD_NAME}: it templates each
 * observation, builds and encodes its event and sends it to Kafka, keyed by egress group. It takes the
 * queue in batches, lingering briefly after each, so that its wake-ups follow time rather than
 * traffic. Every heartbeat interval, and once more as the JVM stops, it also sends a
 * heartbeat with the same key.
 * The Kafka producer is created on that thread when the first observation or heartbeat is due, so an
 * application that stops before then never loads it; the publisher knows it only as an {@link
 * EventSender}, as Kafka lives in a class loader of its own. While Kafka is unreachable, one record
 * at a time probes it and the rest are dropped and counted, so that the thread never stalls on one
 * blocked send after another. If Kafka rejects the producer's settings, the publisher stops for good.
 *
 * <p>{@link #start()}, {@link #stop(long)} and the getters may be called from any thread; everything
 * else runs on the publisher thread, except delivery callbacks, which run on Kafka's I/O thread.
 */
public final class EventPublisher {
  public static final String THREAD_NAME = "statusguard-publisher";
  static final int BATCH_SIZE = 512;
  /** How long an idle publisher waits on the queue before it looks at the clock and the stop flag. */
  static final long POLL_MILLIS = 50;
  /**
   * How long the publisher waits, after publishing a batch, for the next one to gather. It bounds
   * the rate a full queue absorbs (capacity per linger: 8,192 per 20 ms by default) and adds to an
   * event's latency, which the analyzer measures in seconds.
   */
  static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  /** How long to wait before creating a producer again after its creation failed. */
  static final long PRODUCER_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final AgentConfig config;
  private final ObservationQueue queue;
  private final AgentCounters counters;
  private final Heartbeats heartbeats;
  private final Supplier<EventSender> senders;
  private final Listener listener;
  private final DeliveryHealth health;
  private final PrintStream err;
  private final Thread thread;
  private final PendingBodies pendingBodies;
  private final SuccessSampler sampler;
  private final AtomicBoolean probeInFlight = new AtomicBoolean();
  /** Keeps its buffer between events: the publisher encodes every response. */
  private final ResponseEventEncoder.Reusable encoder = ResponseEventEncoder.reusable();
  /** The outcome of every event sent while Kafka is healthy: stateless, so one serves them all. */
  private final Delivery eventDelivery = new Delivery(/* probe= */ false, /* heartbeat= */ false);
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopRequested;
  private volatile boolean rejected;
  private volatile long stopDeadlineNanos;
  private volatile EndpointTemplater templater;
  private volatile ProviderRoutes routes;

  private EventSender sender;
  private long nextSenderAttemptNanos;
  private long nextHeartbeatNanos;
  private boolean active;
  private String instanceId;
  private String egressGroup;
  /** The egress group as every record's key: it routes one group's events to one partition. */
  private byte[] recordKey;
  private EventAssembler assembler;

  EventPublisher(AgentConfig config, ObservationQueue queue, AgentCounters counters,
      Heartbeats heartbeats, Supplier<EventSender> senders, Listener listener, PrintStream err) {
    this(config, queue, counters, heartbeats, senders, listener, err, null);
  }

  /** {@code pendingBodies}, when not null, are the error bodies whose wait this thread ends. */
  EventPublisher(AgentConfig config, ObservationQueue queue, AgentCounters counters,
      Heartbeats heartbeats, Supplier<EventSender> senders, Listener listener, PrintStream err,
      PendingBodies pendingBodies) {
    this.pendingBodies = pendingBodies;
    if (pendingBodies != null) {
      counters.reportBodiesNotCaptured(
          () -> pendingBodies.overflowCount() + AttachedTaps.refusedCount());
    }
    this.sampler = SuccessSampler.create(config.samplingSuccessesPerSecond());
    this.config = config;
    this.queue = queue;
    this.counters = counters;
    this.heartbeats = heartbeats;
    this.senders = senders;
    this.listener = listener;
    this.err = err;
    this.health = new DeliveryHealth(config.bootstrapServers(), counters, err, config.secrets());
    this.thread = new Thread(this::run, THREAD_NAME);
    thread.setDaemon(true);
    thread.setContextClassLoader(EventPublisher.class.getClassLoader());
  }

  /**
   * A publisher sending to the Kafka cluster that {@code config} names, which also ends the waits of
   * {@code pendingBodies} that are over.
   */
  public static EventPublisher create(AgentConfig config, ObservationQueue queue,
      PendingBodies pendingBodies, AgentCounters counters, Heartbeats heartbeats,
      Listener listener, PrintStream err) {
    KafkaClientLoader kafka = new KafkaClientLoader(EventPublisher.class.getClassLoader());
    return new EventPublisher(config, queue, counters, heartbeats, () -> kafka.newSender(config),
        listener, err, pendingBodies);
  }

  public void start() {
    if (started.compareAndSet(false, true)) {
      thread.start();
    }
  }

  /**
   * Publishes what is queued, sends the last heartbeat and waits for Kafka's acknowledgements, for at
   * most {@code timeoutMs} in all; returns whether everything seen was delivered or dropped by then.
   * If something is still outstanding and no warning was printed yet, prints it now: those events are
   * lost.
   */
  public boolean stop(long timeoutMs) {
    stopDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    stopRequested = true;
    LockSupport.unpark(thread);
    if (started.get()) {
      try {
        thread.join(Math.max(1, timeoutMs));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    long outstanding = counters.outstanding();
    if (outstanding > 0 && !health.warned() && !rejected) {
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

  /**
   * Whether responses from {@code host} (lower case) belong to a provider profile's hosts; every host
   * does until the publisher has read the profiles, at its first event. Any thread; cheap.
   */
  public boolean isProfiledHost(String host) {
    ProviderRoutes current = routes;
    return current == null || current.appliesTo(host);
  }

  /** Whether the last delivery (or attempt to create the producer) failed. */
  public boolean deliveryFailing() {
    return health.failing();
  }

  private void run() {
    try {
      List<ResponseObservation> batch = new ArrayList<>(BATCH_SIZE);
      nextHeartbeatNanos = System.nanoTime() + heartbeats.intervalNanos();
      while (!stopRequested && !rejected) {
        // Returns at once while observations keep coming; sleeps on the queue only when it is empty.
        ResponseObservation first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        boolean lingerNext = false;
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, BATCH_SIZE - 1);
          // A full batch means a backlog: the next one is taken at once.
          lingerNext = batch.size() < BATCH_SIZE;
          for (ResponseObservation observation : batch) {
            publish(observation);
          }
          batch.clear();
        }
        maybeSendHeartbeat();
        endOverdueBodies();
        if (lingerNext) {
          linger();
        }
      }
      if (!rejected) {
        endAllBodies();
        drainUntilDeadline();
        sendLastHeartbeat();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      err.println("[statusguard] WARN event publisher stopped: " + health.describe(e)
          + "; further events are dropped and counted");
    } finally {
      closeSender();
    }
  }

  /**
   * Lets the next batch gather after one was published. While the publisher parks here it waits on
   * no lock, so application threads that queue meanwhile wake nobody: under steady load the publisher
   * wakes once per linger, by its own timer, rather than once per response. {@link #stop} cuts it
   * short.
   */
  private void linger() {
    long deadline = System.nanoTime() + LINGER_NANOS;
    Thread self = Thread.currentThread();
    // An interrupt ends the linger too (parking would return at once); the queue's poll reports it.
    for (long left = LINGER_NANOS; left > 0 && !stopRequested && !self.isInterrupted();
        left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
    }
  }

  /** Error bodies whose wait is over leave with what was read of them: their events join the queue. */
  private void endOverdueBodies() {
    if (pendingBodies != null) {
      pendingBodies.endOverdue();
    }
  }

  /** As the JVM stops, no event waits for its body any longer. */
  private void endAllBodies() {
    if (pendingBodies != null) {
      pendingBodies.endAll();
    }
  }

  private void drainUntilDeadline() {
    ResponseObservation observation;
    while (!rejected && System.nanoTime() - stopDeadlineNanos < 0
        && (observation = queue.poll()) != null) {
      publish(observation);
    }
  }

  private void publish(ResponseObservation observation) {
    // Before assembly: a success sampled out costs no templating and no encoding.
    double sampleWeight = sampler.weigh(observation.status(), observation.timeUnixMs());
    if (sampleWeight == SuccessSampler.SAMPLED_OUT) {
      counters.recordSampledOut();
      return;
    }
    byte[] value;
    try {
      value = encoder.encode(assembler().assemble(observation, sampleWeight));
    } catch (RuntimeException e) {
      counters.recordDropped(DropReason.ENCODE_FAILED);
      return;
    }
    if (!senderReady()) {
      counters.recordDropped(DropReason.SEND_FAILED);
      return;
    }
    boolean probe = health.failing();
    if (probe && !probeInFlight.compareAndSet(false, true)) {
      counters.recordDropped(DropReason.SEND_FAILED);
      return;
    }
    send(recordKey, value, probe ? new Delivery(/* probe= */ true, /* heartbeat= */ false)
        : eventDelivery);
  }

  private void maybeSendHeartbeat() {
    if (!heartbeats.enabled()) {
      return;
    }
    long now = System.nanoTime();
    if (now - nextHeartbeatNanos < 0) {
      return;
    }
    // After a long stall (a blocked send, a suspended JVM) the next one is an interval away again.
    nextHeartbeatNanos = Math.max(nextHeartbeatNanos + heartbeats.intervalNanos(),
        now + heartbeats.intervalNanos() / 2);
    if (!senderReady()) {
      return;
    }
    boolean probe = health.failing();
    if (probe && !probeInFlight.compareAndSet(false, true)) {
      return;
    }
    sendHeartbeat(/* stopping= */ false, new Delivery(probe, /* heartbeat= */ true));
  }

  /**
   * Queues the last heartbeat before the producer's final flush, so that readers learn the agent
   * stopped on purpose. Only when Kafka is there: a producer created now could not finish in time.
   */
  private void sendLastHeartbeat() {
    if (!heartbeats.enabled() || sender == null || health.failing()
        || System.nanoTime() - stopDeadlineNanos >= 0) {
      return;
    }
    sendHeartbeat(/* stopping= */ true, new Delivery(/* probe= */ false, /* heartbeat= */ true));
  }

  private void sendHeartbeat(boolean stopping, Delivery delivery) {
    identify();
    send(recordKey,
        AgentHeartbeatEncoder.encode(heartbeats.take(instanceId, egressGroup, stopping)), delivery);
  }

  private void send(byte[] key, byte[] value, Delivery delivery) {
    try {
      sender.send(config.topic(), key, value, delivery);
    } catch (RuntimeException e) {
      // Kafka reports most failures to the callback; what it throws (e.g. an interrupted or closed
      // producer) is handled the same way.
      delivery.completed(e);
    }
  }

  private EventAssembler assembler() {
    if (assembler == null) {
      identify();
      EndpointTemplater endpoints = EndpointTemplater.create(readProfiles(),
          config.templatesMaxPerHost(), EndpointTemplater.DEFAULT_MAX_HOSTS);
      counters.reportTemplateOverflows(endpoints::overflowCount);
      assembler = new EventAssembler(config.serviceName(), instanceId, egressGroup, endpoints);
      templater = endpoints;
    }
    return assembler;
  }

  /**
   * The provider profiles the configuration names, read here rather than at startup. A profile that
   * does not validate disables the agent, as invalid configuration does; the throw drops the event.
   */
  private ProviderRoutes readProfiles() {
    if (rejected) {
      // The rest of a batch after the rejection: said once, dropped.
      throw new IllegalStateException("the agent is disabled");
    }
    try {
      ProviderRoutes read = ProviderRoutes.of(
          ProfileReader.configured(config.profile(), config.profileMode()));
      routes = read;
      return read;
    } catch (InvalidProfileException e) {
      rejected = true;
      listener.rejected(e.getMessage());
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Resolves this JVM's identity once, and tells the listener the publisher has work. */
  private void identify() {
    if (!active) {
      active = true;
      // Host lookups may block for seconds: they happen here, on the publisher thread, once.
      instanceId = HostIdentity.instanceId(config.serviceInstanceId());
      egressGroup = HostIdentity.egressGroup(config.egressGroup());
      recordKey = egressGroup.getBytes(StandardCharsets.UTF_8);
      listener.active();
    }
  }

  private boolean senderReady() {
    if (sender != null) {
      return true;
    }
    identify();
    long now = System.nanoTime();
    if (rejected || nextSenderAttemptNanos != 0 && now - nextSenderAttemptNanos < 0) {
      return false;
    }
    try {
      sender = senders.get();
      return true;
    } catch (RuntimeException e) {
      if (isInvalidSetting(e)) {
        rejected = true;
        listener.rejected("Kafka rejected the producer settings: " + health.describe(rootCause(e)));
        return false;
      }
      // E.g. no resolvable bootstrap server yet: it may appear, so try again later.
      nextSenderAttemptNanos = now + PRODUCER_RETRY_NANOS;
      health.onFailure(e);
      return false;
    }
  }

  /**
   * Whether building the producer failed on a setting rather than on the network: Kafka wraps both in
   * a {@code KafkaException}, and only a bootstrap server that does not resolve may fix itself. Kafka
   * itself never throws an {@link UncheckedIOException}: that is the agent failing to unpack Kafka's
   * client (a full disk), which may work later too.
   */
  static boolean isInvalidSetting(Throwable failure) {
    if (failure instanceof UncheckedIOException) {
      return false;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("bootstrap")) {
        return false;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return true;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    for (int depth = 0; depth < 8 && root.getCause() != null && root.getCause() != root; depth++) {
      root = root.getCause();
    }
    return root;
  }

  private void onDelivery(boolean probe, boolean heartbeat, Exception failure) {
    if (failure == null) {
      if (heartbeat) {
        counters.recordHeartbeatSent();
      } else {
        counters.recordSent();
      }
      health.onSuccess();
    } else {
      // Warn first, so that the drop which reveals the outage is counted among its drops.
      health.onFailure(failure);
      if (!heartbeat) {
        counters.recordSendFailure();
      }
    }
    if (probe) {
      probeInFlight.set(false);
    }
  }

  private void closeSender() {
    if (sender == null) {
      return;
    }
    long remainingNanos = stopRequested && !health.failing()
        ? Math.max(0, stopDeadlineNanos - System.nanoTime()) : 0;
    try {
      // Closing flushes what is buffered; what cannot be delivered in time fails its callback.
      sender.close(Duration.ofNanos(remainingNanos));
    } catch (RuntimeException e) {
      // The JVM is stopping or the publisher failed: nothing left to tell.
    }
  }

  /**
   * What the publisher tells the agent about itself. Called on the publisher thread; must be quick
   * and must not throw.
   */
  public interface Listener {
    Listener NONE = new Listener() {};

    /**
     * The publisher has work for the first time (a response, or a heartbeat due): a moment for set-up
     * that has no place on the application's startup path.
     */
    default void active() {}

    /** Kafka rejected the producer settings; the publisher has stopped and sends nothing more. */
    default void rejected(String reason) {}
  }

  /** Counts the outcome of one send; runs on Kafka's I/O thread, so it stays short. */
  private final class Delivery implements EventSender.Completion {
    private final boolean probe;
    private final boolean heartbeat;

    Delivery(boolean probe, boolean heartbeat) {
      this.probe = probe;
      this.heartbeat = heartbeat;
    }

    @Override
    public void completed(Exception failure) {
      onDelivery(probe, heartbeat, failure);
    }
  }
}

package io.statusguard.agent.body;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The error bodies the application may still be reading: a fixed table of open {@link BodyTap}s, each
 * with a deadline. A tap that ends hands its observation, with the tap, to {@code observations}; the
 * publisher thread calls {@link #endOverdue} so that a body nobody finishes still yields its event once
 * its wait is over. When the table is full, a response gets no tap and is reported without its body
 * (and counted).
 *
 * <p>Thread-safe and lock-free: taps open and end on application threads, the sweep runs on the
 * publisher thread.
 */
public final class PendingBodies {
  /** Error bodies open at once; beyond that a response is reported without its body. */
  public static final int DEFAULT_CAPACITY = 1024;

  private final AtomicReferenceArray<Pending> slots;
  private final int mask;
  private final long waitNanos;
  private final LongSupplier nanoTime;
  private final Consumer<ResponseObservation> observations;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger cursor = new AtomicInteger();
  private final LongAdder overflowed = new LongAdder();

  private PendingBodies(int capacity, long waitMs, LongSupplier nanoTime,
      Consumer<ResponseObservation> observations) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
    }
    this.slots = new AtomicReferenceArray<>(capacity);
    this.mask = capacity - 1;
    this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMs);
    this.nanoTime = nanoTime;
    this.observations = observations;
  }

  /** A table of {@value #DEFAULT_CAPACITY} bodies that each wait at most {@code waitMs}. */
  public static PendingBodies create(long waitMs, Consumer<ResponseObservation> observations) {
    return new PendingBodies(DEFAULT_CAPACITY, waitMs, System::nanoTime, observations);
  }

  /** A table of {@code capacity} (a power of two) bodies, timed by {@code nanoTime}: for tests. */
  static PendingBodies create(int capacity, long waitMs, LongSupplier nanoTime,
      Consumer<ResponseObservation> observations) {
    return new PendingBodies(capacity, waitMs, nanoTime, observations);
  }

  /**
   * A tap for the body of {@code observation}, which is reported when the tap ends; or null when the
   * table is full, and then the observation has been reported without its body.
   */
  public BodyTap open(ResponseObservation observation, String contentEncoding) {
    Pending pending = new Pending(nanoTime.getAsLong() + waitNanos);
    BodyTap tap = BodyTap.create(observation, contentEncoding, pending);
    pending.tap = tap;
    if (!claimSlot(pending)) {
      overflowed.increment();
      observations.accept(observation);
      return null;
    }
    return tap;
  }

  /** Ends every tap whose wait is over; their events leave with what the application read so far. */
  public void endOverdue() {
    if (open.get() == 0) {
      return;
    }
    long now = nanoTime.getAsLong();
    for (int i = 0; i < slots.length(); i++) {
      Pending pending = slots.get(i);
      if (pending != null && now - pending.deadlineNanos >= 0) {
        pending.tap.end();
      }
    }
  }

  /** Ends every open tap, e.g. as the agent stops, so that no event waits for a body any longer. */
  public void endAll() {
    for (int i = 0; i < slots.length() && open.get() > 0; i++) {
      Pending pending = slots.get(i);
      if (pending != null) {
        pending.tap.end();
      }
    }
  }

  /** Bodies open now. */
  public int openCount() {
    return open.get();
  }

  /** Responses reported without their body because too many bodies were open. */
  public long overflowCount() {
    return overflowed.sum();
  }

  private boolean claimSlot(Pending pending) {
    int start = cursor.getAndIncrement();
    for (int i = 0; i <= mask; i++) {
      int slot = (start + i) & mask;
      if (slots.get(slot) == null) {
        // Written before the slot publishes the entry, so the sweeper always finds it set.
        pending.slot = slot;
        if (slots.compareAndSet(slot, null, pending)) {
          open.incrementAndGet();
          return true;
        }
      }
    }
    return false;
  }

  /** One open body: its deadline and its slot; receives its tap when the tap ends. */
  private final class Pending implements Consumer<BodyTap> {
    final long deadlineNanos;
    volatile BodyTap tap;
    volatile int slot = -1;

    Pending(long deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void accept(BodyTap ended) {
      int claimed = slot;
      if (claimed >= 0 && slots.compareAndSet(claimed, this, null)) {
        open.decrementAndGet();
      }
      observations.accept(ended.observation().withBody(ended));
    }
  }
}

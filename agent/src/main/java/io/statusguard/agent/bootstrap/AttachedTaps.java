package io.statusguard.agent.bootstrap;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The open {@link BodyTap}s of clients that push a body to the application piece by piece, each
 * attached to the library object that carries the body (a connection's operations, an exchange
 * handler, a content decoder), since retransformed classes get no field to hold it. A fixed table
 * keyed by identity: the carrier is held weakly, so a tap the agent ends for its time bound pins
 * nothing.
 *
 * <p>A carrier may sit in any of {@value #PROBES} slots from the one its identity hash names, and a
 * lookup reads all of them (there are no tombstones to stop at). One tap often has two carriers at
 * once (an exchange handler and its decoder), and two identity hashes share a home slot one time in
 * {@value #SLOTS}: a single slot per carrier lost that response's error details. Bounded and lossy
 * all the same: a carrier whose every slot holds another open tap is refused, the caller's tap ends at
 * once (its event then has no body details), and {@link #refusedCount} counts it.
 *
 * <p>While no tap is attached, {@link #find} costs one volatile read, so responses without a tap pay
 * nothing more. Thread-safe and lock-free; one carrier is attached from one thread at a time.
 */
public final class AttachedTaps {
  /** A power of two: open error bodies at once, far beyond what one JVM reads concurrently. */
  private static final int SLOTS = 1024;
  /** The slots a carrier may occupy, from its home slot on. */
  static final int PROBES = 8;
  /** Lost compare-and-sets an attach retries before it gives up: each loss is another's progress. */
  private static final int ATTEMPTS = 8;
  private static final AtomicReferenceArray<Attachment> TABLE = new AtomicReferenceArray<>(SLOTS);
  private static final AtomicInteger ATTACHED = new AtomicInteger();
  private static final AtomicLong REFUSED = new AtomicLong();

  private AttachedTaps() {}

  /**
   * Attaches {@code tap} to {@code carrier}, ending the tap attached to it before if another; ends
   * {@code tap} at once when the table has no room for it. Null taps are ignored.
   */
  public static void attach(Object carrier, BodyTap tap) {
    if (carrier == null || tap == null) {
      return;
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (tryAttach(carrier, tap)) {
        return;
      }
    }
    REFUSED.incrementAndGet();
    tap.end();
  }

  /**
   * Whether no tap is attached at all: advice checks this before it computes the carrier to look up.
   */
  public static boolean isEmpty() {
    return ATTACHED.get() == 0;
  }

  /** The open tap attached to {@code carrier}, or null. */
  public static BodyTap find(Object carrier) {
    if (ATTACHED.get() == 0 || carrier == null) {
      return null;
    }
    int home = homeSlot(carrier);
    for (int i = 0; i < PROBES; i++) {
      int slot = probe(home, i);
      Attachment current = TABLE.get(slot);
      if (current == null) {
        continue;
      }
      if (current.isStale()) {
        // Whoever it belonged to is done with it: clearing it here keeps the fast path fast.
        remove(slot, current);
      } else if (current.get() == carrier) {
        return current.tap;
      }
    }
    return null;
  }

  /** Detaches and returns the tap attached to {@code carrier}, or null; the caller ends it. */
  public static BodyTap detach(Object carrier) {
    if (ATTACHED.get() == 0 || carrier == null) {
      return null;
    }
    int home = homeSlot(carrier);
    for (int i = 0; i < PROBES; i++) {
      int slot = probe(home, i);
      Attachment current = TABLE.get(slot);
      if (current != null && current.get() == carrier && remove(slot, current)) {
        return current.tap;
      }
    }
    return null;
  }

  /**
   * Taps ended at once because every slot their carrier may use held another open tap: their events
   * left without body details.
   */
  public static long refusedCount() {
    return REFUSED.get();
  }

  /** How many slots hold an attachment, stale ones included until they are next looked at. */
  static int attached() {
    return ATTACHED.get();
  }

  /** The first of the slots {@code carrier} may occupy. */
  static int homeSlot(Object carrier) {
    int hash = System.identityHashCode(carrier);
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }

  /** The {@code i}-th slot a carrier whose home slot is {@code home} may occupy. */
  private static int probe(int home, int i) {
    return (home + i) & (SLOTS - 1);
  }

  /**
   * One pass over the carrier's slots: replaces its own attachment if it has one, else takes the
   * first empty or stale slot. False when a compare-and-set lost a race or no slot was free; the tap
   * is then neither attached nor ended.
   */
  private static boolean tryAttach(Object carrier, BodyTap tap) {
    int home = homeSlot(carrier);
    int free = -1;
    Attachment freed = null;
    for (int i = 0; i < PROBES; i++) {
      int slot = probe(home, i);
      Attachment current = TABLE.get(slot);
      if (current != null && current.get() == carrier) {
        return current.tap == tap || replace(slot, current, new Attachment(carrier, tap));
      }
      if (free < 0 && (current == null || current.isStale())) {
        free = slot;
        freed = current;
      }
    }
    if (free < 0) {
      return false;
    }
    if (freed == null) {
      if (!TABLE.compareAndSet(free, null, new Attachment(carrier, tap))) {
        return false;
      }
      ATTACHED.incrementAndGet();
      return true;
    }
    return replace(free, freed, new Attachment(carrier, tap));
  }

  /** Puts {@code next} where {@code current} is and ends {@code current}'s tap (idempotent). */
  private static boolean replace(int slot, Attachment current, Attachment next) {
    if (!TABLE.compareAndSet(slot, current, next)) {
      return false;
    }
    current.tap.end();
    return true;
  }

  private static boolean remove(int slot, Attachment attachment) {
    if (TABLE.compareAndSet(slot, attachment, null)) {
      ATTACHED.decrementAndGet();
      return true;
    }
    return false;
  }

  /** One carrier and its tap; stale once the tap ended or the carrier was collected. */
  private static final class Attachment extends WeakReference<Object> {
    final BodyTap tap;

    Attachment(Object carrier, BodyTap tap) {
      super(carrier);
      this.tap = tap;
    }

    boolean isStale() {
      return get() == null || tap.isEnded();
    }
  }
}

package io.statusguard.agent.bootstrap;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The open {@link BodyTap}s of clients that push a body to the application piece by piece, each
 * attached to the library object that carries the body (a connection's operations, an exchange
 * handler), since retransformed classes get no field to hold it. A fixed table keyed by identity: the
 * carrier is held weakly, so a tap the agent ends for its time bound pins nothing.
 *
 * <p>Bounded and lossy: a carrier whose slot holds another open tap is refused, and the caller ends its
 * tap at once (the event then has no body details). While no tap is attached, {@link #find} costs one
 * volatile read, so responses without a tap pay nothing more. Thread-safe and lock-free.
 */
public final class AttachedTaps {
  /** A power of two: open error bodies at once, far beyond what one JVM reads concurrently. */
  private static final int SLOTS = 1024;
  private static final AtomicReferenceArray<Attachment> TABLE = new AtomicReferenceArray<>(SLOTS);
  private static final AtomicInteger ATTACHED = new AtomicInteger();

  private AttachedTaps() {}

  /**
   * Attaches {@code tap} to {@code carrier}, ending the tap attached to it before if another; ends
   * {@code tap} at once when the table has no room for it. Null taps are ignored.
   */
  public static void attach(Object carrier, BodyTap tap) {
    if (carrier == null || tap == null) {
      return;
    }
    int slot = slot(carrier);
    Attachment current = TABLE.get(slot);
    if (current != null && current.get() == carrier && current.tap == tap) {
      return;
    }
    if (current != null && !current.isStale() && current.get() != carrier) {
      tap.end();
      return;
    }
    if (TABLE.compareAndSet(slot, current, new Attachment(carrier, tap))) {
      if (current == null) {
        ATTACHED.incrementAndGet();
      } else {
        current.tap.end();
      }
    } else {
      tap.end();
    }
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
    int slot = slot(carrier);
    Attachment current = TABLE.get(slot);
    if (current == null) {
      return null;
    }
    if (current.isStale()) {
      // Whoever it belonged to is done with it: clearing it here keeps the fast path fast.
      remove(slot, current);
      return null;
    }
    return current.get() == carrier ? current.tap : null;
  }

  /** Detaches and returns the tap attached to {@code carrier}, or null; the caller ends it. */
  public static BodyTap detach(Object carrier) {
    if (ATTACHED.get() == 0 || carrier == null) {
      return null;
    }
    int slot = slot(carrier);
    Attachment current = TABLE.get(slot);
    if (current == null || current.get() != carrier || !remove(slot, current)) {
      return null;
    }
    return current.tap;
  }

  /** How many slots hold an attachment, stale ones included until they are next looked at. */
  static int attached() {
    return ATTACHED.get();
  }

  private static boolean remove(int slot, Attachment attachment) {
    if (TABLE.compareAndSet(slot, attachment, null)) {
      ATTACHED.decrementAndGet();
      return true;
    }
    return false;
  }

  private static int slot(Object carrier) {
    int hash = System.identityHashCode(carrier);
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
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

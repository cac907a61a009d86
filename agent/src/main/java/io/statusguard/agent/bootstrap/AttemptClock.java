package io.statusguard.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each physical attempt in flight started, for clients whose attempt objects have no field the
 * agent could use (classes are retransformed without adding fields). An attempt is keyed by the
 * identity of an object that lives exactly as long as it; each slot packs that identity's hash and
 * the start time into one {@code long}, so writers never allocate and readers never see half an
 * entry.
 *
 * <p>Lossy by design: an attempt whose slot was taken over by another one (thousands in flight at
 * once) reads as having started when it ended, i.e. a duration of zero. Thread-safe and lock-free.
 */
public final class AttemptClock {
  /** A power of two; 32 KB. */
  private static final int SLOTS = 4096;
  private static final int TIME_BITS = 33;
  private static final long TIME_MASK = (1L << TIME_BITS) - 1;
  /** The 31 low bits of the identity hash: all of it on HotSpot. */
  private static final long KEY_MASK = 0x7FFF_FFFFL;
  /** Times are kept in units of 1024 ns: 33 bits of them span more than two hours. */
  private static final int UNIT_SHIFT = 10;
  private static final AtomicLongArray STARTS = new AtomicLongArray(SLOTS);

  private AttemptClock() {}

  /** Notes that the attempt identified by {@code attempt} starts now. */
  public static void start(Object attempt) {
    int hash = System.identityHashCode(attempt);
    STARTS.set(hash & (SLOTS - 1), ((hash & KEY_MASK) << TIME_BITS) | units(System.nanoTime()));
  }

  /**
   * When the attempt identified by {@code attempt} started, to the microsecond, given that it ended at
   * {@code endNanos}; {@code endNanos} itself when its start is not known.
   */
  public static long startNanos(Object attempt, long endNanos) {
    int hash = System.identityHashCode(attempt);
    long entry = STARTS.get(hash & (SLOTS - 1));
    if (entry == 0 || (entry >>> TIME_BITS) != (hash & KEY_MASK)) {
      return endNanos;
    }
    long elapsedUnits = (units(endNanos) - (entry & TIME_MASK)) & TIME_MASK;
    return endNanos - (elapsedUnits << UNIT_SHIFT);
  }

  private static long units(long nanos) {
    return (nanos >>> UNIT_SHIFT) & TIME_MASK;
  }
}

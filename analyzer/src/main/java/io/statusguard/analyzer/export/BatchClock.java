package io.statusguard.analyzer.export;

import io.micrometer.core.instrument.Clock;

/**
 * Micrometer's clock for the analyzer's meters: wall time is the consumer's clock as of the batch being
 * recorded, set by the recording thread, so that recording a duration reads no clock. A timer otherwise
 * reads the system clock twice per observation (to rotate its maximum and its histogram), which was most
 * of its cost and a large share of the analyzer's per-event work. The one visible consequence: a timer's
 * {@code _max} decays when the next batch arrives, not while the stream is idle. Monotonic time is the
 * system's. Thread-safe.
 */
final class BatchClock implements Clock {
  private volatile long wallMillis = System.currentTimeMillis();

  /** Moves wall time to {@code nowMillis}: a volatile write only when the batch's time differs. */
  void advanceTo(long nowMillis) {
    if (nowMillis != wallMillis) {
      wallMillis = nowMillis;
    }
  }

  @Override
  public long wallTime() {
    return wallMillis;
  }

  @Override
  public long monotonicTime() {
    return System.nanoTime();
  }
}

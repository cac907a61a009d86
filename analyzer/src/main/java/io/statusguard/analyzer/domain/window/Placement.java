package io.statusguard.analyzer.domain.window;

/** Where an event's time put it in the windows. */
public enum Placement {
  /** Counted in the bucket of its own time. */
  RECORDED,
  /** Dated beyond the allowed clock skew: counted as if it had happened now. */
  CLAMPED_TO_NOW,
  /** Older than the retention: not counted. */
  DROPPED_LATE
}

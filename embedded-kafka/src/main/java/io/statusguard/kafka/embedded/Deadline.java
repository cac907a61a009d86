package io.statusguard.kafka.embedded;

import java.time.Duration;

/** A point on the monotonic clock that bounded waits run up to. Immutable. */
record Deadline(long nanoTime) {

  static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  boolean hasPassed() {
    return System.nanoTime() - nanoTime >= 0;
  }

  /** At least one, so that it can be handed to APIs that treat zero as "wait forever". */
  long remainingMillis() {
    return Math.max(1, Duration.ofNanos(nanoTime - System.nanoTime()).toMillis());
  }
}

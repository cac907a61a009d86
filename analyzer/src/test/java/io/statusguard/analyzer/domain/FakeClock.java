package io.statusguard.analyzer.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that stands still until a test moves it. Thread-safe. */
public final class FakeClock implements InstantSource {
  private final AtomicLong millis;

  private FakeClock(long millis) {
    this.millis = new AtomicLong(millis);
  }

  public static FakeClock at(Instant instant) {
    return new FakeClock(instant.toEpochMilli());
  }

  public void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }
}

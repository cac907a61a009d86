package io.statusguard.simulator.internal.firewall;

import io.statusguard.simulator.BlockPolicy;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The provider's IP firewall: it watches each caller's responses through a sliding window and blocks a
 * caller whose traffic trips the {@link BlockPolicy}, for the policy's cool-down. Time comes in as a
 * parameter so tests move it. Thread-safe: one lock, held only for in-memory counting.
 */
public final class Firewall {
  /** Callers tracked at once; beyond it the least recently seen caller's window is dropped. */
  static final int MAX_TRACKED_CALLERS = 4096;

  private final BlockPolicy policy;
  private final Map<String, CallerWindow> windows = new RecentCallers<>(MAX_TRACKED_CALLERS);
  private final Map<String, Instant> blockedUntil = new RecentCallers<>(MAX_TRACKED_CALLERS);
  private long blocksImposed;

  public Firewall(BlockPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public synchronized boolean isBlocked(String caller, Instant now) {
    Instant until = blockedUntil.get(caller);
    if (until == null) {
      return false;
    }
    if (now.isBefore(until)) {
      return true;
    }
    blockedUntil.remove(caller);
    return false;
  }

  /** Counts one response sent to {@code caller} and blocks the caller if the window now trips the policy. */
  public synchronized void record(String caller, int status, Instant now) {
    CallerWindow window = windows.computeIfAbsent(caller, c -> new CallerWindow(policy.window()));
    window.record(status, now);
    if (trips(window.tally(now))) {
      blockedUntil.put(caller, now.plus(policy.coolDown()));
      // A fresh start after the cool-down: the burst that caused the block is not held against it twice.
      windows.remove(caller);
      blocksImposed++;
    }
  }

  public synchronized Set<String> blockedCallers(Instant now) {
    blockedUntil.values().removeIf(until -> !now.isBefore(until));
    return new TreeSet<>(blockedUntil.keySet());
  }

  public synchronized long blocksImposed() {
    return blocksImposed;
  }

  private boolean trips(CallerWindow.Tally tally) {
    boolean mostlyErrors =
        tally.requests() >= policy.minRequests() && tally.errorRatio() >= policy.errorRatio();
    return mostlyErrors || tally.notFoundOrConflict() > policy.notFoundOrConflictLimit();
  }
}

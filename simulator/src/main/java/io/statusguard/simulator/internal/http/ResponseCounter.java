package io.statusguard.simulator.internal.http;

import io.statusguard.simulator.SimulatorStats;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts responses by (operation, status). The key space is bounded by the route table's operations
 * times the handful of statuses the simulator sends. Thread-safe and lock-free on the request path.
 */
public final class ResponseCounter {
  private final Map<SimulatorStats.Outcome, LongAdder> counts = new ConcurrentHashMap<>();

  public void record(String operation, int status) {
    counts.computeIfAbsent(new SimulatorStats.Outcome(operation, status), o -> new LongAdder()).increment();
  }

  public Map<SimulatorStats.Outcome, Long> snapshot() {
    Map<SimulatorStats.Outcome, Long> snapshot = new HashMap<>();
    counts.forEach((outcome, count) -> snapshot.put(outcome, count.sum()));
    return snapshot;
  }
}

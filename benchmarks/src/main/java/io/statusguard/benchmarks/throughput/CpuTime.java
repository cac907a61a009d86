package io.statusguard.benchmarks.throughput;

import io.statusguard.benchmarks.workload.ProcessUsage;
import java.time.Duration;

/**
 * Processor time of this process (a reader, its threads, the garbage collector and the JIT compiler)
 * and of its child processes (the embedded broker's JVM), so that a reader's run is charged with what it
 * cost on both sides of the broker: on a machine the broker shares, that sum bounds the events per
 * second as much as any one thread does. Immutable snapshot.
 *
 * @param processNanos CPU time of this process, all threads, user and system
 * @param childrenNanos CPU time of the child processes alive at the snapshot
 */
public record CpuTime(long processNanos, long childrenNanos) {

  public static CpuTime now() {
    long children = ProcessHandle.current().descendants()
        .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
    return new CpuTime(ProcessUsage.processCpuNanos(), children);
  }

  /** The time spent since {@code earlier}. */
  public CpuTime since(CpuTime earlier) {
    return new CpuTime(processNanos - earlier.processNanos, childrenNanos - earlier.childrenNanos);
  }
}

package io.statusguard.benchmarks.workload;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * This process's CPU time and the bytes its threads have allocated, read from the JVM's
 * {@code com.sun.management} beans. Allocation is summed over live threads, so a thread that ends
 * between two snapshots takes its bytes with it; the workload's threads (HTTP clients, agents) live
 * through the measured phase. Immutable snapshot; taking one is thread-safe.
 *
 * @param cpuNanos CPU time of the whole process, all threads, user and system
 * @param allocatedBytesByThread bytes each live thread had allocated, by thread id
 */
public record ProcessUsage(long cpuNanos, Map<Long, Long> allocatedBytesByThread) {

  public static ProcessUsage now() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long[] allocated = threads.getThreadAllocatedBytes(ids);
    Map<Long, Long> byThread = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (allocated[i] >= 0) {
        byThread.put(ids[i], allocated[i]);
      }
    }
    return new ProcessUsage(processCpuNanos(), Map.copyOf(byThread));
  }

  public static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Bytes allocated since {@code earlier} by the threads alive now. */
  public long allocatedSince(ProcessUsage earlier) {
    long sum = 0;
    for (Map.Entry<Long, Long> thread : allocatedBytesByThread.entrySet()) {
      sum += thread.getValue() - earlier.allocatedBytesByThread.getOrDefault(thread.getKey(), 0L);
    }
    return sum;
  }
}

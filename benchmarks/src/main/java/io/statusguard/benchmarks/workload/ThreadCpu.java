package io.statusguard.benchmarks.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time per live thread at one moment, so that a run can say which threads (the application's, the
 * HTTP clients', an agent's) spent the measured phase's CPU. Only for diagnosis: JIT compiler and GC
 * threads are not Java threads and do not appear. Immutable snapshot.
 *
 * @param cpuNanosByThread CPU time of each live thread, by thread id
 * @param names the threads' names, by thread id
 */
public record ThreadCpu(Map<Long, Long> cpuNanosByThread, Map<Long, String> names) {

  public static ThreadCpu now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (thread == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(thread.getThreadId());
      if (nanos >= 0) {
        cpu.put(thread.getThreadId(), nanos);
        names.put(thread.getThreadId(), thread.getThreadName());
      }
    }
    return new ThreadCpu(Map.copyOf(cpu), Map.copyOf(names));
  }

  /** CPU the threads alive now have spent since {@code earlier}, all together. */
  public long totalSince(ThreadCpu earlier) {
    return spentSince(earlier).stream().mapToLong(Map.Entry::getValue).sum();
  }

  /** The {@code count} threads that spent the most CPU since {@code earlier}, as "name=ms" items. */
  public String busiestSince(ThreadCpu earlier, int count) {
    return spentSince(earlier).stream()
        .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
        .limit(count)
        .map(this::described)
        .collect(Collectors.joining(", "));
  }

  /**
   * The threads whose names contain {@code part} (an agent's own threads, however little they spent) and
   * the CPU each spent since {@code earlier}, as "name=ms" items.
   */
  public String namedSince(ThreadCpu earlier, String part) {
    return spentSince(earlier).stream()
        .filter(thread -> names.get(thread.getKey()).contains(part))
        .map(this::described)
        .collect(Collectors.joining(", "));
  }

  private String described(Map.Entry<Long, Long> thread) {
    return names.get(thread.getKey()) + "=" + thread.getValue() / 1_000_000 + "ms";
  }

  private List<Map.Entry<Long, Long>> spentSince(ThreadCpu earlier) {
    List<Map.Entry<Long, Long>> spent = new ArrayList<>();
    for (Map.Entry<Long, Long> thread : cpuNanosByThread.entrySet()) {
      long nanos = thread.getValue() - earlier.cpuNanosByThread.getOrDefault(thread.getKey(), 0L);
      spent.add(Map.entry(thread.getKey(), nanos));
    }
    return spent;
  }
}

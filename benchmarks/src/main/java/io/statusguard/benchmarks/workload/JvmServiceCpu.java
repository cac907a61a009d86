package io.statusguard.benchmarks.workload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the JVM's own service threads at one moment, JIT compilers and garbage collectors, which
 * are not Java threads and so are missing from {@link ThreadCpu}. Read from Linux's
 * {@code /proc/self/task/<tid>/stat} (ticks of 10 ms); elsewhere both are -1. A compiler thread that ends
 * between two snapshots takes its time with it. Immutable snapshot.
 */
public record JvmServiceCpu(long jitNanos, long gcNanos) {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final long NANOS_PER_TICK = 10_000_000L;

  public static JvmServiceCpu now() {
    long jit = 0;
    long gc = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String stat = readOrNull(task.resolve("stat"));
        if (stat == null) {
          continue;
        }
        // "tid (name) state ...": the name may hold spaces, so fields are counted from its closing bracket.
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
          jit += nanos;
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
          gc += nanos;
        }
      }
    } catch (IOException | RuntimeException e) {
      return new JvmServiceCpu(-1, -1);
    }
    return new JvmServiceCpu(jit, gc);
  }

  /** The JIT compilers' CPU since {@code earlier}, or -1 where it cannot be read. */
  public long jitSince(JvmServiceCpu earlier) {
    return jitNanos < 0 || earlier.jitNanos < 0 ? -1 : Math.max(0, jitNanos - earlier.jitNanos);
  }

  /** The garbage collectors' CPU since {@code earlier}, or -1 where it cannot be read. */
  public long gcSince(JvmServiceCpu earlier) {
    return gcNanos < 0 || earlier.gcNanos < 0 ? -1 : Math.max(0, gcNanos - earlier.gcNanos);
  }

  private static String readOrNull(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      // The thread ended while the directory was read.
      return null;
    }
  }
}

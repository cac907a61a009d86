package io.statusguard.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmServiceCpuTest {

  @Test
  void readsTheCompilersAndCollectorsOfThisJvmOnLinux() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc only");

    JvmServiceCpu now = JvmServiceCpu.now();

    // This JVM has compiled the test framework by now: its compilers have spent at least a tick.
    assertThat(now.jitNanos()).isPositive();
    assertThat(now.gcNanos()).isNotNegative();
  }

  @Test
  void saysUnreadableRatherThanZero() {
    JvmServiceCpu unreadable = new JvmServiceCpu(-1, -1);
    JvmServiceCpu read = new JvmServiceCpu(50_000_000, 20_000_000);

    assertThat(read.jitSince(unreadable)).isEqualTo(-1);
    assertThat(unreadable.gcSince(read)).isEqualTo(-1);
    assertThat(read.jitSince(new JvmServiceCpu(10_000_000, 0))).isEqualTo(40_000_000);
  }
}

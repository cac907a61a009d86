package io.statusguard.benchmarks.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

  /** The broker runs in a child JVM: a child's processor time must count, however busy the machine is. */
  @Test
  void countsTheProcessorTimeOfChildProcesses() throws Exception {
    CpuTime before = CpuTime.now();
    // A fixed amount of work, then a pause in which the child is still alive to be read.
    Process child = new ProcessBuilder("sh", "-c",
        "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo spun; sleep 30").start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("spun");

      CpuTime spent = CpuTime.now().since(before);

      assertThat(spent.childrenNanos()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(50));
      assertThat(spent.processNanos()).isNotNegative();
    } finally {
      child.destroyForcibly().waitFor();
    }
  }
}

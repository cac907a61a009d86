package io.statusguard.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void namesEveryThreadWhoseNameHoldsThePartWithTheCpuItSpent() {
    ThreadCpu before = new ThreadCpu(Map.of(1L, 0L, 2L, 0L, 3L, 4_000_000L),
        Map.of(1L, "main", 2L, "statusguard-publisher", 3L, "kafka-producer-network-thread | statusguard-agent"));
    ThreadCpu after = new ThreadCpu(Map.of(1L, 900_000_000L, 2L, 30_000_000L, 3L, 6_000_000L),
        before.names());

    assertThat(after.namedSince(before, "statusguard").split(", "))
        .containsExactlyInAnyOrder("statusguard-publisher=30ms", "kafka-producer-network-thread | statusguard-agent=2ms");
    assertThat(after.busiestSince(before, 1)).isEqualTo("main=900ms");
  }
}

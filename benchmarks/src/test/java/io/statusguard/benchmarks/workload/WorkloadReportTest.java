package io.statusguard.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class WorkloadReportTest {

  @Test
  void roundTripsThroughItsResultLine() {
    WorkloadReport report = new WorkloadReport(500, 2_000_000_000L, 1_500_000_000L, 123_456_789L,
        new Latencies(110_000, 480_000), new Latencies(95_000, 390_000), 1, 4_000_000_000L, 70_000_000L, -1);

    assertThat(WorkloadReport.parse(report.toLine())).isEqualTo(report);
    assertThat(report.requests()).isEqualTo(1000);
  }

  @Test
  void rejectsOtherLinesAndMissingFigures() {
    assertThatIllegalArgumentException().isThrownBy(() -> WorkloadReport.parse("READY"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkloadReport.parse(WorkloadReport.PREFIX + "requestsPerClient=5"));
  }
}

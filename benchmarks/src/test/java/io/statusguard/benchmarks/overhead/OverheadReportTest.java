package io.statusguard.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

import io.statusguard.benchmarks.overhead.OverheadReport.Metric;
import io.statusguard.benchmarks.workload.Latencies;
import io.statusguard.benchmarks.workload.WorkloadReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverheadReportTest {
  private static final int REQUESTS_PER_CLIENT = 500;

  @Test
  void comparesAddedCostsWithOpenTelemetrys() {
    OverheadReport report = OverheadReport.of(List.of(
        run(AgentSetup.NONE, 300, 1_000),
        run(AgentSetup.STATUSGUARD, 340, 1_100),
        run(AgentSetup.OPENTELEMETRY, 700, 2_000),
        run(AgentSetup.NONE, 310, 1_020),
        run(AgentSetup.STATUSGUARD, 350, 1_120),
        run(AgentSetup.OPENTELEMETRY, 720, 2_020)), 5_000_000, 24_000_000);

    assertThat(report.median(AgentSetup.NONE, Metric.READY_MILLIS)).isEqualTo(305);
    assertThat(report.added(AgentSetup.STATUSGUARD, Metric.PHASE_CPU_MILLIS)).isEqualTo(100);
    assertThat(report.fractionOfOpenTelemetry(Metric.CPU_PER_REQUEST_MICROS)).isCloseTo(0.1,
        offset(1e-9));
    assertThat(report.fractionOfOpenTelemetry(Metric.READY_MILLIS)).isCloseTo(40.0 / 405,
        offset(1e-9));
    assertThat(report.toMarkdown())
        .contains("| figure | no agent | statusguard | OpenTelemetry |")
        .contains("| start-up: JVM start to first request ready (ms) | 305 | 345 (1.13×) | 710 (2.33×) |")
        .contains("| added CPU per request (µs) | 100 | 1,000 | 0.10 | ≤ 0.20: met |")
        .contains("statusguard ≤ 6 MB: met");
  }

  @Test
  void leavesOutAJitCompilationThatStatusguardsRunPaidAndSaysSo() {
    OverheadReport report = OverheadReport.of(List.of(
        run(AgentSetup.NONE, 300, 1_000, 100),
        run(AgentSetup.STATUSGUARD, 340, 1_300, 350),
        run(AgentSetup.OPENTELEMETRY, 700, 1_100, 100)), 5_000_000, 24_000_000);

    assertThat(report.added(AgentSetup.STATUSGUARD, Metric.CPU_PER_REQUEST_MICROS)).isEqualTo(300);
    assertThat(report.added(AgentSetup.STATUSGUARD, Metric.CPU_PER_REQUEST_WITHOUT_JIT_MICROS)).isEqualTo(50);
    assertThat(report.toMarkdown())
        .contains("| added CPU per request (µs) | 300 | 100 | 3.00 | ≤ 0.20: missed |")
        .contains("| added CPU per request, JIT compilation left out (µs) | 50.0 | 100 | 0.50 | ≤ 0.20: missed |");
  }

  /** A fraction of a difference that is noise is no target: the report must not call it met. */
  @Test
  void callsNoTargetMetWhenOpenTelemetryAddedNothing() {
    OverheadReport report = OverheadReport.of(List.of(
        run(AgentSetup.NONE, 300, 1_000),
        run(AgentSetup.STATUSGUARD, 340, 1_300),
        run(AgentSetup.OPENTELEMETRY, 700, 990)), 5_000_000, 24_000_000);

    assertThat(report.toMarkdown()).contains("| added CPU per request (µs) | 300 | -10.0 | - | ≤ 0.20: not resolved "
        + "(OpenTelemetry's addition is within the rounds' spread, ±0.0) |");
  }

  /**
   * Nor when the spread could turn the answer: statusguard's addition, below nothing here, may be up to
   * 10 µs, and OpenTelemetry's as little as 30 µs.
   */
  @Test
  void callsNoTargetMetOrMissedWithinTheSpreadOfTheRoundsWithoutAnAgent() {
    OverheadReport report = OverheadReport.of(List.of(
        run(AgentSetup.NONE, 300, 1_000), run(AgentSetup.NONE, 300, 1_100), run(AgentSetup.NONE, 300, 1_200),
        run(AgentSetup.STATUSGUARD, 340, 1_080), run(AgentSetup.STATUSGUARD, 340, 1_060),
        run(AgentSetup.STATUSGUARD, 340, 1_050),
        run(AgentSetup.OPENTELEMETRY, 700, 1_180), run(AgentSetup.OPENTELEMETRY, 700, 1_180),
        run(AgentSetup.OPENTELEMETRY, 700, 1_180)), 5_000_000, 24_000_000);

    assertThat(report.spread(Metric.PHASE_CPU_MILLIS)).isEqualTo(50);
    assertThat(report.toMarkdown())
        .contains("| added CPU per request (µs) | -40.0 | 80.0 | -0.50 | ≤ 0.20: not resolved (the rounds spread ±50.0) |");
  }

  @Test
  void needsEverySetup() {
    assertThatIllegalArgumentException().isThrownBy(() -> OverheadReport.of(
        List.of(run(AgentSetup.NONE, 300, 1_000)), 1, 1));
  }

  /** A run whose phase CPU is {@code phaseCpuMillis} and whose other figures are fixed. */
  private static RunFigures run(AgentSetup setup, long readyMillis, long phaseCpuMillis) {
    return run(setup, readyMillis, phaseCpuMillis, 0);
  }

  /** As above, with {@code jitMillis} of the phase's CPU spent by the JIT compilers. */
  private static RunFigures run(AgentSetup setup, long readyMillis, long phaseCpuMillis, long jitMillis) {
    WorkloadReport workload = new WorkloadReport(REQUESTS_PER_CLIENT, 900_000_000L,
        phaseCpuMillis * 1_000_000L, 40_000_000L, new Latencies(100_000, 400_000),
        new Latencies(90_000, 300_000), 0, 3_000_000_000L, jitMillis * 1_000_000L, 20_000_000L);
    return new RunFigures(setup, 1, readyMillis * 1_000_000L, 250_000_000L, workload,
        setup == AgentSetup.STATUSGUARD ? OverheadRun.STATUSGUARD_EXIT_LINE + " seen=1000 sent=1000"
            : null);
  }
}

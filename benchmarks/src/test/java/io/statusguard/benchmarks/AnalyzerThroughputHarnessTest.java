package io.statusguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.benchmarks.throughput.CpuTime;
import io.statusguard.benchmarks.throughput.Throughput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AnalyzerThroughputHarnessTest {

  @Test
  void readsItsOptions() {
    AnalyzerThroughputHarness harness = new AnalyzerThroughputHarness();
    new CommandLine(harness).parseArgs("--events=1000", "--partitions=3", "--rounds=1");

    assertThat(harness.events).isEqualTo(1000);
    assertThat(harness.partitions).isEqualTo(3);
    assertThat(harness.rounds).isEqualTo(1);
  }

  @Test
  void defaultsToTwoMillionEvents() {
    AnalyzerThroughputHarness harness = new AnalyzerThroughputHarness();
    new CommandLine(harness).parseArgs();

    assertThat(harness.events).isEqualTo(2_000_000);
  }

  @Test
  void rejectsNoEventsWithExitCodeTwo() {
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new AnalyzerThroughputHarness())
        .setErr(new PrintWriter(err))
        .execute("--events=0");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("--events");
  }

  @Test
  void reportsTheMedianRatioAgainstTheTarget() {
    AnalyzerThroughputHarness harness = new AnalyzerThroughputHarness();
    new CommandLine(harness).parseArgs("--events=1000", "--rounds=3", "--warmup-rounds=0");
    long second = 1_000_000_000L;

    String report = harness.report(new Throughput(1000, 400_000, second),
        List.of(new Throughput(1000, 0, second), new Throughput(2000, 0, second),
            new Throughput(1500, 0, second)),
        List.of(new Throughput(900, 0, second), new Throughput(1400, 0, second),
            new Throughput(1000, 0, second)));

    assertThat(report).contains("1,000 events of 400 bytes on average in 1 partition(s)")
        .contains("| 2 | 2,000 | 1,400 | 0.70 |")
        .contains("| median | 1,500 | 1,000 | 0.67 (target ≥ 0.8: missed) |");
  }

  /** The first round runs on code not yet compiled: shown, but not in the medians. */
  @Test
  void leavesTheWarmUpRoundOutOfTheMedians() {
    AnalyzerThroughputHarness harness = new AnalyzerThroughputHarness();
    new CommandLine(harness).parseArgs("--events=1000", "--rounds=2");
    long second = 1_000_000_000L;

    String report = harness.report(new Throughput(1000, 400_000, second),
        List.of(new Throughput(500, 0, second), new Throughput(2000, 0, second), new Throughput(1000, 0, second)),
        List.of(new Throughput(500, 0, second), new Throughput(1600, 0, second), new Throughput(800, 0, second)));
    String cpu = harness.cpuReport(
        List.of(new CpuTime(9_000_000, 0), new CpuTime(500_000, 0), new CpuTime(700_000, 0)),
        List.of(new CpuTime(9_000_000, 0), new CpuTime(1_000_000, 0), new CpuTime(1_200_000, 0)));

    assertThat(harness.warmupRounds).isEqualTo(1);
    assertThat(report).contains("| warm-up 1 (not counted) | 500 | 500 | 1.00 |")
        .contains("| 1 | 2,000 | 1,600 | 0.80 |")
        .contains("| 2 | 1,000 | 800 | 0.80 |")
        .contains("| median | 1,500 | 1,200 | 0.80 (target ≥ 0.8: met) |");
    assertThat(cpu).contains("| plain consumer | 600 | 0 | 600 |")
        .contains("| analyzer | 1,100 | 0 | 1,100 |");
  }

  @Test
  void reportsEachReadersProcessorTimePerEventOnBothSidesOfTheBroker() {
    AnalyzerThroughputHarness harness = new AnalyzerThroughputHarness();
    new CommandLine(harness).parseArgs("--events=1000", "--rounds=3", "--warmup-rounds=0");

    String report = harness.cpuReport(
        List.of(new CpuTime(500_000, 200_000), new CpuTime(700_000, 300_000), new CpuTime(600_000, 100_000)),
        List.of(new CpuTime(1_500_000, 200_000), new CpuTime(1_300_000, 200_000),
            new CpuTime(1_400_000, 250_000)));

    assertThat(report).contains("| plain consumer | 600 | 200 | 700 |")
        .contains("| analyzer | 1,400 | 200 | 1,650 |");
  }
}

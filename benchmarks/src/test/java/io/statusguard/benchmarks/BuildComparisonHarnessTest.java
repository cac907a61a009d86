package io.statusguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.benchmarks.analyzer.DecodeAndAggregateBenchmark;
import io.statusguard.benchmarks.comparison.LoadedBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BuildComparisonHarnessTest {
  private static final String CLASS_PATH = System.getProperty("java.class.path");
  private static final String BENCHMARK = "io.statusguard.benchmarks.analyzer.DecodeAndAggregateBenchmark";

  @Test
  void loadsEachBuildInAClassLoaderOfItsOwn() {
    LoadedBenchmark first = LoadedBenchmark.load(CLASS_PATH, BENCHMARK, "aggregate");
    LoadedBenchmark second = LoadedBenchmark.load(CLASS_PATH, BENCHMARK, "aggregate");

    // Otherwise both builds would run one copy of the code, whatever their jars hold.
    assertThat(first.benchmarkClass()).isNotSameAs(second.benchmarkClass());
    assertThat(first.benchmarkClass().getName()).isEqualTo(BENCHMARK);
    assertThat(first.benchmarkClass()).isNotSameAs(DecodeAndAggregateBenchmark.class);
  }

  @Test
  void countsTheOperationsOfEachInvocation() {
    LoadedBenchmark batch = LoadedBenchmark.load(CLASS_PATH, BENCHMARK, "decodeBatchThenAggregate");

    // The method handles a batch of 512 records per call, as its @OperationsPerInvocation says.
    assertThat(batch.runFor(1) % 512).isZero();
  }

  @Test
  void comparesTwoLoadsOfOneBuildAsAlike() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream console = System.out;
    int exitCode;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exitCode = new CommandLine(new BuildComparisonHarness()).execute("--method=aggregate", "--slices=12",
          "--warmup-slices=4", "--slice-ms=50", CLASS_PATH, CLASS_PATH);
    } finally {
      System.setOut(console);
    }

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(exitCode).isZero();
    assertThat(report).contains("DecodeAndAggregateBenchmark.aggregate, 12 slices of 50 ms per build");
    Matcher ratio = Pattern.compile("\\| 2: .* \\| ([0-9.]+) \\(").matcher(report);
    assertThat(ratio.find()).as(report).isTrue();
    // The same code on both sides: alike within what a shared machine's noise can do to paired slices.
    assertThat(Double.parseDouble(ratio.group(1))).isBetween(0.33, 3.0);
  }

  @Test
  void rejectsAMissingMethodWithExitCodeTwo() {
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new BuildComparisonHarness())
        .setErr(new PrintWriter(err))
        .execute("--method=noSuchBenchmark", "--slices=1", CLASS_PATH, CLASS_PATH);

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("no public method noSuchBenchmark");
  }

  @Test
  void rejectsASingleBuildWithExitCodeTwo() {
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new BuildComparisonHarness())
        .setErr(new PrintWriter(err))
        .execute("--method=aggregate", CLASS_PATH);

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("CLASSPATH");
  }
}

package io.statusguard.benchmarks;

import io.statusguard.benchmarks.comparison.LoadedBenchmark;
import io.statusguard.benchmarks.comparison.SliceRatios;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Compares two or more builds of one JMH benchmark method in one JVM: each build is loaded from its own
 * class path (say, the benchmark jar of HEAD and a copy of the jar from before a change), and the builds
 * take turns in short slices, the order reversed every slice. On a shared machine, where neighbours make
 * JMH's figure for one build vary by half from one fork to the next, the ratio of adjacent slices still
 * tells a 5% change from noise. It reports each build's rate and, for every build after the first, the
 * quartiles of its slice-by-slice ratio to the first. The figures of one run are comparable with each
 * other only: the builds share one heap and one JIT compiler queue, as they never do in production.
 *
 * <p>Run: {@code java -cp benchmarks/target/statusguard-benchmarks.jar
 * io.statusguard.benchmarks.BuildComparisonHarness --method=decodeBatchThenAggregate /tmp/before.jar
 * benchmarks/target/statusguard-benchmarks.jar}; {@code --help} lists the options.
 */
@Command(name = "BuildComparisonHarness", mixinStandardHelpOptions = true,
    description = "Compares builds of one JMH benchmark method in one JVM, in alternating slices.")
public final class BuildComparisonHarness implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--class", defaultValue = "io.statusguard.benchmarks.analyzer.DecodeAndAggregateBenchmark",
      description = "The benchmark class (default: ${DEFAULT-VALUE}).")
  String className;

  @Option(names = "--method", required = true,
      description = "The benchmark method: public, without parameters; its @OperationsPerInvocation counts.")
  String method;

  @Option(names = "--slices", defaultValue = "40",
      description = "Measured slices of each build (default: ${DEFAULT-VALUE}).")
  int slices;

  @Option(names = "--warmup-slices", defaultValue = "20",
      description = "Slices of each build run first and not measured, while the JIT compiles (default: "
          + "${DEFAULT-VALUE}).")
  int warmupSlices;

  @Option(names = "--slice-ms", defaultValue = "250",
      description = "Length of one slice in milliseconds (default: ${DEFAULT-VALUE}).")
  long sliceMillis;

  @Parameters(arity = "2..*", paramLabel = "CLASSPATH",
      description = "Each build's class path: a benchmark jar, or entries separated by the path separator.")
  List<String> builds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BuildComparisonHarness()).execute(args));
  }

  @Override
  public Integer call() {
    if (slices < 1 || warmupSlices < 0 || sliceMillis < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--slices and --slice-ms must be positive, --warmup-slices not negative");
    }
    List<LoadedBenchmark> loaded = new ArrayList<>();
    for (String build : builds) {
      try {
        loaded.add(LoadedBenchmark.load(build, className, method));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }
    double[][] rates = new double[loaded.size()][slices];
    double[][] cpuRates = new double[loaded.size()][slices];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sliceNanos = TimeUnit.MILLISECONDS.toNanos(sliceMillis);
    for (int slice = -warmupSlices; slice < slices; slice++) {
      for (int turn = 0; turn < loaded.size(); turn++) {
        // Reversed every slice, so that neither build always runs just after the other.
        int build = (slice & 1) == 0 ? turn : loaded.size() - 1 - turn;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long operations = loaded.get(build).runFor(sliceNanos);
        long wall = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (slice >= 0) {
          rates[build][slice] = operations * 1e9 / wall;
          cpuRates[build][slice] = operations * 1e9 / Math.max(cpu, 1);
        }
      }
    }
    System.out.println(report(rates, cpuRates));
    return 0;
  }

  String report(double[][] rates, double[][] cpuRates) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s.%s, %d slices of %d ms per build after %d warm-up slices%n%n",
        className.substring(className.lastIndexOf('.') + 1), method, slices, sliceMillis, warmupSlices));
    out.append("| build | ops/s, median | ops/s, upper quartile | ops per CPU-second, median |"
        + " slice ratio to build 1: median (quartiles) |\n|---|---:|---:|---:|---|\n");
    for (int build = 0; build < rates.length; build++) {
      String ratio = "";
      if (build > 0) {
        SliceRatios ratios = SliceRatios.of(rates[0], rates[build]);
        ratio = String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", ratios.median(), ratios.p25(), ratios.p75());
      }
      out.append(String.format(Locale.ROOT, "| %d: %s | %,.0f | %,.0f | %,.0f | %s |%n", build + 1,
          builds.get(build), SliceRatios.quantile(rates[build], 0.5), SliceRatios.quantile(rates[build], 0.75),
          SliceRatios.quantile(cpuRates[build], 0.5), ratio));
    }
    return out.toString();
  }
}

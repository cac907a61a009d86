package io.statusguard.benchmarks.overhead;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The overhead harness's markdown report: per setup, the median of each figure over the rounds and its
 * ratio to the run without an agent; then the figures issue 3 sets targets for, statusguard's added
 * CPU per request and added start-up time as fractions of OpenTelemetry's, and the agent jar's size.
 * Immutable.
 */
public final class OverheadReport {
  /** Issue 3: statusguard's added CPU and start-up at most a fifth of OpenTelemetry's. */
  static final double TARGET_FRACTION_OF_OPENTELEMETRY = 0.2;
  /** Issue 3: the agent jar at most 6 MB. */
  static final long TARGET_JAR_BYTES = 6_000_000;

  private final Map<AgentSetup, List<RunFigures>> runs;
  private final long statusguardJarBytes;
  private final long openTelemetryJarBytes;

  private OverheadReport(Map<AgentSetup, List<RunFigures>> runs, long statusguardJarBytes,
      long openTelemetryJarBytes) {
    this.runs = runs;
    this.statusguardJarBytes = statusguardJarBytes;
    this.openTelemetryJarBytes = openTelemetryJarBytes;
  }

  /** A report over {@code runs}, which hold at least one run of every setup. */
  public static OverheadReport of(List<RunFigures> runs, long statusguardJarBytes,
      long openTelemetryJarBytes) {
    Map<AgentSetup, List<RunFigures>> bySetup = new EnumMap<>(AgentSetup.class);
    for (RunFigures run : runs) {
      bySetup.computeIfAbsent(run.setup(), setup -> new ArrayList<>()).add(run);
    }
    for (AgentSetup setup : AgentSetup.values()) {
      if (!bySetup.containsKey(setup)) {
        throw new IllegalArgumentException("no run of " + setup.title());
      }
    }
    return new OverheadReport(bySetup, statusguardJarBytes, openTelemetryJarBytes);
  }

  /** The median of {@code metric} over the rounds of {@code setup}. */
  public double median(AgentSetup setup, Metric metric) {
    double[] values = runs.get(setup).stream().mapToDouble(metric.value).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  /** What {@code setup} adds to the bare run, in the metric's unit. */
  public double added(AgentSetup setup, Metric metric) {
    return median(setup, metric) - median(AgentSetup.NONE, metric);
  }

  /**
   * How far the rounds without an agent spread in {@code metric}: half their interquartile range. An
   * addition within it cannot be told from the machine's noise.
   */
  public double spread(Metric metric) {
    double[] values = runs.get(AgentSetup.NONE).stream().mapToDouble(metric.value).sorted().toArray();
    return (quantile(values, 0.75) - quantile(values, 0.25)) / 2;
  }

  /** statusguard's addition as a fraction of OpenTelemetry's. */
  public double fractionOfOpenTelemetry(Metric metric) {
    return added(AgentSetup.STATUSGUARD, metric) / added(AgentSetup.OPENTELEMETRY, metric);
  }

  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    List<RunFigures> bare = runs.get(AgentSetup.NONE);
    out.append(String.format(Locale.ROOT, "Medians of %d rounds, %d measured requests per client "
        + "(%d in all per run); ratio to the run without an agent in brackets.%n%n", bare.size(),
        bare.get(0).workload().requestsPerClient(), bare.get(0).workload().requests()));
    out.append("| figure |");
    for (AgentSetup setup : AgentSetup.values()) {
      out.append(' ').append(setup.title()).append(" |");
    }
    out.append("\n|---|");
    out.append("---:|".repeat(AgentSetup.values().length)).append('\n');
    for (Metric metric : Metric.values()) {
      out.append("| ").append(metric.label).append(" |");
      double base = median(AgentSetup.NONE, metric);
      for (AgentSetup setup : AgentSetup.values()) {
        double value = median(setup, metric);
        out.append(' ').append(format(value));
        if (setup != AgentSetup.NONE && base > 0) {
          out.append(String.format(Locale.ROOT, " (%.2f×)", value / base));
        }
        out.append(" |");
      }
      out.append('\n');
    }
    out.append('\n');
    targets(out);
    String summary = runs.get(AgentSetup.STATUSGUARD).get(runs.get(AgentSetup.STATUSGUARD).size() - 1)
        .agentSummary();
    out.append(String.format(Locale.ROOT, "%nstatusguard's last run: %s%n",
        summary == null ? "no exit line" : summary));
    long failures = runs.values().stream().flatMap(List::stream)
        .mapToLong(run -> run.workload().failures()).sum();
    out.append(String.format(Locale.ROOT, "Failed requests over all runs: %d%n", failures));
    return out.toString();
  }

  private void targets(StringBuilder out) {
    out.append("| issue 3 target | statusguard | OpenTelemetry | statusguard / OpenTelemetry "
        + "| target |\n|---|---:|---:|---:|---|\n");
    target(out, "added CPU per request (µs)", Metric.CPU_PER_REQUEST_MICROS);
    target(out, "added CPU per request, JIT compilation left out (µs)", Metric.CPU_PER_REQUEST_WITHOUT_JIT_MICROS);
    target(out, "added start-up, to first request ready (ms)", Metric.READY_MILLIS);
    target(out, "added start-up, no-op run to exit (ms)", Metric.NOOP_EXIT_MILLIS);
    out.append(String.format(Locale.ROOT, "| agent jar (bytes) | %,d (%.1f MB) | %,d (%.1f MB) | "
        + "%.2f | statusguard ≤ 6 MB: %s |%n", statusguardJarBytes, statusguardJarBytes / 1e6,
        openTelemetryJarBytes, openTelemetryJarBytes / 1e6,
        (double) statusguardJarBytes / openTelemetryJarBytes,
        statusguardJarBytes <= TARGET_JAR_BYTES ? "met" : "missed"));
    out.append(String.format(Locale.ROOT, "%nThe rounds without an agent spread (half their interquartile range) by "
        + "±%s µs of CPU per request, ±%s µs with JIT compilation left out and ±%s ms of start-up: a "
        + "target is met or missed only where that spread cannot turn the answer.%n",
        format(spread(Metric.CPU_PER_REQUEST_MICROS)), format(spread(Metric.CPU_PER_REQUEST_WITHOUT_JIT_MICROS)),
        format(spread(Metric.READY_MILLIS))));
  }

  private void target(StringBuilder out, String label, Metric metric) {
    double statusguard = added(AgentSetup.STATUSGUARD, metric);
    double openTelemetry = added(AgentSetup.OPENTELEMETRY, metric);
    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | ≤ %.2f: %s |%n", label,
        format(statusguard), format(openTelemetry),
        openTelemetry > 0 ? String.format(Locale.ROOT, "%.2f", fractionOfOpenTelemetry(metric)) : "-",
        TARGET_FRACTION_OF_OPENTELEMETRY, verdict(statusguard, openTelemetry, spread(metric))));
  }

  /**
   * Met or missed only where the rounds' spread cannot change the answer: met when statusguard's
   * addition plus the spread is within a fifth of OpenTelemetry's minus it, missed when statusguard's
   * minus the spread is above a fifth of OpenTelemetry's plus it. Otherwise, and whenever OpenTelemetry's
   * addition is within the spread (a fraction of noise is no target), the report says so.
   */
  static String verdict(double statusguardAdded, double openTelemetryAdded, double spread) {
    if (openTelemetryAdded - spread <= 0) {
      return String.format(Locale.ROOT,
          "not resolved (OpenTelemetry's addition is within the rounds' spread, ±%s)", format(spread));
    }
    if (statusguardAdded + spread <= TARGET_FRACTION_OF_OPENTELEMETRY * (openTelemetryAdded - spread)) {
      return "met";
    }
    if (statusguardAdded - spread > TARGET_FRACTION_OF_OPENTELEMETRY * (openTelemetryAdded + spread)) {
      return "missed";
    }
    return String.format(Locale.ROOT, "not resolved (the rounds spread ±%s)", format(spread));
  }

  /** The {@code p} quantile of sorted {@code values}, interpolated between neighbours. */
  private static double quantile(double[] values, double p) {
    double at = (values.length - 1) * p;
    int below = (int) Math.floor(at);
    int above = Math.min(below + 1, values.length - 1);
    return values[below] + (at - below) * (values[above] - values[below]);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.1f", value);
  }

  /** The figures of one run that the report compares. */
  public enum Metric {
    READY_MILLIS("start-up: JVM start to first request ready (ms)",
        run -> run.readyNanos() / 1e6),
    NOOP_EXIT_MILLIS("start-up: no-op run, JVM start to exit (ms)",
        run -> run.noopExitNanos() / 1e6),
    PROCESS_CPU_MILLIS("CPU time of the process, start to end of workload (ms)",
        run -> run.workload().processCpuNanos() / 1e6),
    PHASE_CPU_MILLIS("CPU time of the measured phase (ms)",
        run -> run.workload().cpuNanos() / 1e6),
    CPU_PER_REQUEST_MICROS("CPU time per request, measured phase (µs)",
        run -> run.workload().cpuNanos() / 1e3 / run.workload().requests()),
    JIT_CPU_MILLIS("of which JIT compiler threads (ms; -1: not readable)",
        run -> run.workload().jitNanos() < 0 ? -1 : run.workload().jitNanos() / 1e6),
    GC_CPU_MILLIS("of which garbage collector threads (ms; -1: not readable)",
        run -> run.workload().gcNanos() < 0 ? -1 : run.workload().gcNanos() / 1e6),
    CPU_PER_REQUEST_WITHOUT_JIT_MICROS("CPU time per request, measured phase, JIT compilation left out (µs)",
        run -> (run.workload().cpuNanos() - Math.max(0, run.workload().jitNanos())) / 1e3
            / run.workload().requests()),
    PHASE_WALL_MILLIS("wall time of the measured requests (ms)",
        run -> run.workload().wallNanos() / 1e6),
    JDK_P50_MICROS("p50 latency, JDK HttpClient (µs)",
        run -> run.workload().jdkHttpClient().p50Nanos() / 1e3),
    JDK_P99_MICROS("p99 latency, JDK HttpClient (µs)",
        run -> run.workload().jdkHttpClient().p99Nanos() / 1e3),
    OKHTTP_P50_MICROS("p50 latency, OkHttp (µs)",
        run -> run.workload().okHttp().p50Nanos() / 1e3),
    OKHTTP_P99_MICROS("p99 latency, OkHttp (µs)",
        run -> run.workload().okHttp().p99Nanos() / 1e3),
    ALLOCATED_PER_REQUEST("allocated per request, all threads (bytes)",
        run -> (double) run.workload().allocatedBytes() / run.workload().requests());

    private final String label;
    private final ToDoubleFunction<RunFigures> value;

    Metric(String label, ToDoubleFunction<RunFigures> value) {
      this.label = label;
      this.value = value;
    }
  }
}

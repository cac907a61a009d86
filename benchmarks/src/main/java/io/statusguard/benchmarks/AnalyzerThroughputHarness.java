package io.statusguard.benchmarks;

import io.statusguard.benchmarks.analyzer.EventMix;
import io.statusguard.benchmarks.throughput.AnalyzerDrain;
import io.statusguard.benchmarks.throughput.CpuTime;
import io.statusguard.benchmarks.throughput.PlainConsumerLoop;
import io.statusguard.benchmarks.throughput.Throughput;
import io.statusguard.benchmarks.throughput.TopicFiller;
import io.statusguard.kafka.embedded.KafkaBroker;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Issue 5's end-to-end throughput measurement: fills a topic on an embedded Kafka broker with encoded
 * response events, then, round by round, reads all of it with a plain consumer loop that only counts
 * bytes and with the analyzer ({@code Analyzer.start}), each in a fresh consumer group, and prints both
 * in events per second and the analyzer's fraction of the plain loop (target: at least 0.8).
 *
 * <p>Build, then run with the defaults (2 million events, 3 rounds after 1 warm-up round): {@code mvn
 * -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/statusguard-benchmarks.jar
 * io.statusguard.benchmarks.AnalyzerThroughputHarness}; {@code --help} lists the options.
 */
@Command(name = "AnalyzerThroughputHarness", mixinStandardHelpOptions = true,
    description = "Measures the analyzer's end-to-end throughput against a plain consumer loop.")
public final class AnalyzerThroughputHarness implements Callable<Integer> {
  /** Issue 5: the analyzer at least 0.8 of a plain consumer's throughput. */
  static final double TARGET_FRACTION = 0.8;
  static final String TOPIC = "statusguard.throughput";
  private static final int DISTINCT_EVENTS = 4096;

  @Spec
  CommandSpec spec;

  @Option(names = "--events", defaultValue = "2000000",
      description = "Events in the topic (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--partitions", defaultValue = "1",
      description = "Partitions of the topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--rounds", defaultValue = "3",
      description = "Rounds; each reads the topic once with each reader (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--warmup-rounds", defaultValue = "1",
      description = "Rounds run first and shown, but left out of the medians: the first reader of each kind "
          + "runs on code not yet compiled (default: ${DEFAULT-VALUE}).")
  int warmupRounds;

  @Option(names = "--timeout-seconds", defaultValue = "900",
      description = "Longest one reader may take (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new AnalyzerThroughputHarness()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (events < 1 || partitions < 1 || rounds < 1 || timeoutSeconds < 1 || warmupRounds < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--events, --partitions, --rounds and --timeout-seconds must be positive, --warmup-rounds not negative");
    }
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    List<Throughput> plain = new ArrayList<>();
    List<Throughput> analyzer = new ArrayList<>();
    List<CpuTime> plainCpu = new ArrayList<>();
    List<CpuTime> analyzerCpu = new ArrayList<>();
    Throughput fill;
    try (KafkaBroker broker = KafkaBroker.start()) {
      broker.createTopic(TOPIC, partitions);
      String servers = broker.bootstrapServers();
      fill = TopicFiller.fill(servers, TOPIC, events,
          EventMix.encoded(DISTINCT_EVENTS, System.currentTimeMillis()));
      System.err.printf(Locale.ROOT, "filled %s with %,d events (%,d bytes) at %,.0f events/s%n", TOPIC,
          events, fill.bytes(), fill.eventsPerSecond());
      double bytesPerEvent = (double) fill.bytes() / events;
      for (int round = 1; round <= warmupRounds + rounds; round++) {
        CpuTime start = CpuTime.now();
        plain.add(PlainConsumerLoop.consume(servers, TOPIC, "plain-" + round, events, timeout));
        CpuTime between = CpuTime.now();
        analyzer.add(AnalyzerDrain.consume(servers, TOPIC, "analyzer-" + round, events, bytesPerEvent,
            timeout));
        plainCpu.add(between.since(start));
        analyzerCpu.add(CpuTime.now().since(between));
        System.err.printf(Locale.ROOT, "round %d/%d: plain consumer %,.0f events/s, analyzer %,.0f "
            + "events/s%n", round, warmupRounds + rounds, plain.get(round - 1).eventsPerSecond(),
            analyzer.get(round - 1).eventsPerSecond());
      }
    }
    System.out.println(report(fill, plain, analyzer));
    System.out.println(cpuReport(plainCpu, analyzerCpu));
    return 0;
  }

  String report(Throughput fill, List<Throughput> plain, List<Throughput> analyzer) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%,d events of %.0f bytes on average in %d partition(s); "
        + "each reader in a fresh consumer group, timed from its first batch to the last record.%n%n",
        events, (double) fill.bytes() / events, partitions));
    out.append("| round | plain consumer (events/s) | analyzer (events/s) | analyzer / plain |\n");
    out.append("|---|---:|---:|---:|\n");
    for (int i = 0; i < plain.size(); i++) {
      double p = plain.get(i).eventsPerSecond();
      double a = analyzer.get(i).eventsPerSecond();
      String round = i < warmupRounds ? "warm-up " + (i + 1) + " (not counted)"
          : Integer.toString(i + 1 - warmupRounds);
      out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |%n", round, p, a, a / p));
    }
    double p = median(counted(plain));
    double a = median(counted(analyzer));
    out.append(String.format(Locale.ROOT, "| median | %,.0f | %,.0f | %.2f (target ≥ %.1f: %s) |%n",
        p, a, a / p, TARGET_FRACTION, a / p >= TARGET_FRACTION ? "met" : "missed"));
    return out.toString();
  }

  /**
   * The processor time of each reader's whole run (joining the group and the first fetch included) per
   * event, in this process and in the broker's: what the ratio above costs, and what bounds it when the
   * machine has no processor to spare.
   */
  String cpuReport(List<CpuTime> plain, List<CpuTime> analyzer) {
    StringBuilder out = new StringBuilder();
    out.append("CPU time per event, medians over the counted rounds, each reader's whole run "
        + "(this JVM: the reader, its threads, GC and JIT; the broker's JVM):\n\n");
    out.append("| reader | this JVM (ns/event) | broker (ns/event) | both (ns/event) |\n");
    out.append("|---|---:|---:|---:|\n");
    cpuRow(out, "plain consumer", counted(plain));
    cpuRow(out, "analyzer", counted(analyzer));
    return out.toString();
  }

  /** The rounds after the warm-up. */
  private <T> List<T> counted(List<T> rounds) {
    return rounds.subList(Math.min(warmupRounds, rounds.size()), rounds.size());
  }

  private void cpuRow(StringBuilder out, String reader, List<CpuTime> runs) {
    double process = medianOf(runs.stream().mapToDouble(run -> (double) run.processNanos() / events).toArray());
    double broker = medianOf(runs.stream().mapToDouble(run -> (double) run.childrenNanos() / events).toArray());
    double both = medianOf(runs.stream()
        .mapToDouble(run -> (double) (run.processNanos() + run.childrenNanos()) / events).toArray());
    out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", reader, process, broker, both));
  }

  static double median(List<Throughput> runs) {
    return medianOf(runs.stream().mapToDouble(Throughput::eventsPerSecond).toArray());
  }

  private static double medianOf(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}

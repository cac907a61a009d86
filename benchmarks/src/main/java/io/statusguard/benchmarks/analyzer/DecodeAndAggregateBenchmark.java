package io.statusguard.benchmarks.analyzer;

import io.statusguard.analyzer.AnalyzerConfig;
import io.statusguard.analyzer.AnalyzingSinks;
import io.statusguard.analyzer.domain.agent.AgentDirectory;
import io.statusguard.analyzer.domain.window.ResponseWindows;
import io.statusguard.analyzer.domain.window.WindowSettings;
import io.statusguard.analyzer.export.ResponseMetrics;
import io.statusguard.analyzer.ingest.Decoded;
import io.statusguard.analyzer.ingest.Delivery;
import io.statusguard.analyzer.ingest.IngestSink;
import io.statusguard.analyzer.ingest.ReadAhead;
import io.statusguard.analyzer.ingest.ResponseEventDecoder;
import io.statusguard.analyzer.profile.ProviderProfile;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The analyzer's work per record on its one consumer thread, in events per second: decoding the JSON
 * value, then the sink the analyzer runs (classification in the provider's error model, the event-time
 * windows, the agent directory and the Prometheus counters and histogram). Records cycle through a mix of
 * {@value #DISTINCT_EVENTS} distinct events ({@link EventMix}), so series settle as they do in a running
 * analyzer. Issue 5's target: at least 2 million per second per core, for {@code decodeAndAggregate}
 * (each record decoded and aggregated in turn) and for {@code decodeBatchThenAggregate} (a poll batch
 * decoded, then aggregated, as the analyzer works).
 *
 * <p>Run: {@code java -jar benchmarks/target/statusguard-benchmarks.jar DecodeAndAggregateBenchmark
 * -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class DecodeAndAggregateBenchmark {
  /** A power of two, so that the next record is a mask away. */
  static final int DISTINCT_EVENTS = 4096;
  /** About the consumer's records per poll, a power of two below {@link #DISTINCT_EVENTS}. */
  static final int BATCH_RECORDS = 512;

  private byte[][] records;
  private Decoded[] decoded;
  private final Decoded[] batch = new Decoded[BATCH_RECORDS];
  private ResponseEventDecoder decoder;
  private IngestSink sink;
  private InstantSource clock;
  private long nowMillis;
  private int next;
  /** What the read-ahead read, kept so that its reads stay. */
  private int readAhead;

  @Setup
  public void setUp() {
    records = EventMix.encoded(DISTINCT_EVENTS, System.currentTimeMillis()).toArray(new byte[0][]);
    decoder = ResponseEventDecoder.create();
    decoded = new Decoded[DISTINCT_EVENTS];
    for (int i = 0; i < DISTINCT_EVENTS; i++) {
      decoded[i] = decoder.decode(records[i]);
    }
    // Wired as Analyzer.start wires them, with the default limits.
    clock = InstantSource.system();
    nowMillis = clock.millis();
    ResponseWindows windows = ResponseWindows.create(
        WindowSettings.defaults().withMaxSeries(AnalyzerConfig.DEFAULT_MAX_WINDOW_KEYS), clock);
    AgentDirectory agents = AgentDirectory.create(AgentDirectory.DEFAULT_MAX_AGENTS, clock);
    ResponseMetrics metrics =
        ResponseMetrics.create(AnalyzerConfig.DEFAULT_MAX_ENDPOINTS, AnalyzerConfig.DEFAULT_MAX_SERIES);
    metrics.bindWindows(windows);
    metrics.bindAgents(agents);
    sink = AnalyzingSinks.create(ProviderProfile.builtIn().errorModel(), windows, agents, metrics);
  }

  /** Decoding alone: the share of the figure below that is JSON. */
  @Benchmark
  public Decoded decode() {
    return decoder.decode(nextRecord());
  }

  /** Decoding and everything the analyzer does with a new record. */
  @Benchmark
  public void decodeAndAggregate() {
    if ((next & (BATCH_RECORDS - 1)) == 0) {
      // The consumer reads the clock once per poll batch.
      nowMillis = clock.millis();
    }
    sink.accept(decoder.decode(nextRecord()), Delivery.NEW, nowMillis);
  }

  /**
   * Decoding and everything the analyzer does with a new record, in the analyzer's own order: a poll
   * batch's records are decoded first (as {@code BatchDecoding} does, reading ahead of each record the one
   * {@link ReadAhead#DISTANCE} later), then handed to the sink one by one (as the consumer thread does).
   * Events per second.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH_RECORDS)
  public void decodeBatchThenAggregate() {
    nowMillis = clock.millis();
    int touched = 0;
    for (int i = 0; i < BATCH_RECORDS; i++) {
      touched += ReadAhead.touch(records[(next + ReadAhead.DISTANCE) & (DISTINCT_EVENTS - 1)]);
      batch[i] = decoder.decode(nextRecord());
    }
    readAhead = touched;
    aggregateBatch();
  }

  /** As {@link #decodeBatchThenAggregate()} without the read-ahead: what it is worth. */
  @Benchmark
  @OperationsPerInvocation(BATCH_RECORDS)
  public void decodeBatchWithoutReadAhead() {
    nowMillis = clock.millis();
    for (int i = 0; i < BATCH_RECORDS; i++) {
      batch[i] = decoder.decode(nextRecord());
    }
    aggregateBatch();
  }

  private void aggregateBatch() {
    for (int i = 0; i < BATCH_RECORDS; i++) {
      sink.accept(batch[i], Delivery.NEW, nowMillis);
    }
  }

  /** Everything the analyzer does with a new record once it is decoded: the other share of the figure above. */
  @Benchmark
  public void aggregate() {
    if ((next & (BATCH_RECORDS - 1)) == 0) {
      nowMillis = clock.millis();
    }
    Decoded record = decoded[next];
    next = (next + 1) & (DISTINCT_EVENTS - 1);
    sink.accept(record, Delivery.NEW, nowMillis);
  }

  private byte[] nextRecord() {
    byte[] record = records[next];
    next = (next + 1) & (DISTINCT_EVENTS - 1);
    return record;
  }
}

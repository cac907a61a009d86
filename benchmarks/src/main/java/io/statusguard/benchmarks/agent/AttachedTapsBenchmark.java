package io.statusguard.benchmarks.agent;

import io.statusguard.agent.bootstrap.AttachedTaps;
import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a push-style client's advice pays to look up the body tap of a carrier that has none, as it does
 * for every piece of every body that is not an error being captured: with no tap open anywhere (one
 * volatile read), with one open elsewhere in the table (the carrier's slots are read, and empty), and
 * with the table full of open taps (each of the carrier's slots holds another carrier's tap, the worst
 * case).
 *
 * <p>Run: {@code java -jar benchmarks/target/statusguard-benchmarks.jar AttachedTapsBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class AttachedTapsBenchmark {
  /** The slots of {@link AttachedTaps}' table: open taps once it is full. */
  static final int TABLE_SLOTS = 1024;
  /** Attempts to fill the table before the set-up gives up: far more than filling it takes. */
  private static final int MAX_ATTEMPTS = 64 * TABLE_SLOTS;

  /** Taps open while the lookups run: none, one elsewhere, or as many as the table holds. */
  @Param({"none", "one", "full"})
  public String openTaps;

  /** The carriers of the open taps, held strongly so that their taps stay open. */
  final List<Object> carriers = new ArrayList<>();
  final List<BodyTap> taps = new ArrayList<>();
  Object carrierWithoutTap;

  @Setup
  public void openTaps() {
    carrierWithoutTap = new Object();
    int wanted = wantedOpenTaps();
    ResponseObservation observation = ResponseObservation.ofHttpClient("POST",
        URI.create("https://api.provider.example/v1/clients/CL-1029/accounts"), 409, null, 0, 1, "application/json");
    for (int attempt = 0; carriers.size() < wanted; attempt++) {
      if (attempt == MAX_ATTEMPTS) {
        int taken = carriers.size();
        endTaps();
        throw new IllegalStateException("the table took " + taken + " taps in " + attempt
            + " attempts: does it still have " + TABLE_SLOTS + " slots?");
      }
      Object carrier = new Object();
      BodyTap tap = BodyTap.create(observation, null, ended -> { });
      // A carrier whose slots are all taken is refused, and its tap ended: only the others stay open.
      AttachedTaps.attach(carrier, tap);
      if (!tap.isEnded()) {
        carriers.add(carrier);
        taps.add(tap);
      }
    }
  }

  private int wantedOpenTaps() {
    switch (openTaps) {
      case "none":
        return 0;
      case "one":
        return 1;
      case "full":
        return TABLE_SLOTS;
      default:
        throw new IllegalArgumentException("unknown openTaps " + openTaps);
    }
  }

  @TearDown
  public void endTaps() {
    for (int i = 0; i < carriers.size(); i++) {
      AttachedTaps.detach(carriers.get(i));
      taps.get(i).end();
    }
    carriers.clear();
    taps.clear();
  }

  @Benchmark
  public BodyTap findForCarrierWithoutTap() {
    return AttachedTaps.find(carrierWithoutTap);
  }
}

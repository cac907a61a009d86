package io.statusguard.demo.client;

/**
 * The sample client's script: steady traffic, then a faulty release that retrieves unknown transactions
 * in a burst (the spike the provider answers with an IP block), then a few ordinary calls that show
 * whether the block is on.
 *
 * @param steadySeconds how long the steady phase lasts
 * @param steadyRatePerSecond calls per second in the steady phase
 * @param burstCalls how many RetrieveTransaction calls on unknown IDs the faulty release makes
 * @param burstRatePerSecond how fast it makes them
 * @param afterBurstCalls ordinary calls after the burst
 * @param seed for the generated identifiers and card numbers
 */
public record Scenario(
    double steadySeconds, double steadyRatePerSecond, int burstCalls, double burstRatePerSecond,
    int afterBurstCalls, long seed) {

  /** The demo's pace: about a minute in all. */
  public static Scenario demo() {
    return new Scenario(25, 8, 150, 40, 12, 7);
  }

  public Scenario {
    if (steadySeconds < 0 || steadyRatePerSecond <= 0 || burstCalls < 0 || burstRatePerSecond <= 0
        || afterBurstCalls < 0) {
      throw new IllegalArgumentException("scenario values must be positive: " + this);
    }
  }

  public static Scenario parse(String[] args) {
    Scenario s = demo();
    double steadySeconds = s.steadySeconds;
    double steadyRate = s.steadyRatePerSecond;
    int burst = s.burstCalls;
    double burstRate = s.burstRatePerSecond;
    int after = s.afterBurstCalls;
    long seed = s.seed;
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--steady-seconds=")) {
        steadySeconds = Double.parseDouble(value);
      } else if (arg.startsWith("--steady-rate=")) {
        steadyRate = Double.parseDouble(value);
      } else if (arg.startsWith("--burst-calls=")) {
        burst = Integer.parseInt(value);
      } else if (arg.startsWith("--burst-rate=")) {
        burstRate = Double.parseDouble(value);
      } else if (arg.startsWith("--after-burst-calls=")) {
        after = Integer.parseInt(value);
      } else if (arg.startsWith("--seed=")) {
        seed = Long.parseLong(value);
      }
    }
    return new Scenario(steadySeconds, steadyRate, burst, burstRate, after, seed);
  }

  public String[] toArgs() {
    return new String[] {
      "--steady-seconds=" + steadySeconds, "--steady-rate=" + steadyRatePerSecond,
      "--burst-calls=" + burstCalls, "--burst-rate=" + burstRatePerSecond,
      "--after-burst-calls=" + afterBurstCalls, "--seed=" + seed
    };
  }
}

package io.statusguard.benchmarks.workload;

import java.util.HashMap;
import java.util.Map;

/**
 * What one workload run measured in its own JVM, as the one {@code RESULT} line it prints for the
 * harness. Times and CPU are of the measured phase (the requests, then the settle pause that lets the
 * agents finish their asynchronous work), except {@code processCpuNanos}, the process's CPU time from
 * JVM start to the end of the run.
 *
 * @param requestsPerClient requests sent with each of the two clients in the measured phase
 * @param failures requests that threw or got a status other than 200 and 404
 * @param jitNanos CPU of the JIT compiler threads in the measured phase, -1 where it cannot be read
 * @param gcNanos CPU of the garbage collector threads in the measured phase, -1 where it cannot be read
 */
public record WorkloadReport(int requestsPerClient, long wallNanos, long cpuNanos,
    long allocatedBytes, Latencies jdkHttpClient, Latencies okHttp, int failures,
    long processCpuNanos, long jitNanos, long gcNanos) {
  public static final String PREFIX = "RESULT ";

  /** Requests in the measured phase, both clients together. */
  public int requests() {
    return 2 * requestsPerClient;
  }

  public String toLine() {
    return PREFIX + "requestsPerClient=" + requestsPerClient + " wallNanos=" + wallNanos
        + " cpuNanos=" + cpuNanos + " allocatedBytes=" + allocatedBytes
        + " jdkP50Nanos=" + jdkHttpClient.p50Nanos() + " jdkP99Nanos=" + jdkHttpClient.p99Nanos()
        + " okHttpP50Nanos=" + okHttp.p50Nanos() + " okHttpP99Nanos=" + okHttp.p99Nanos()
        + " failures=" + failures + " processCpuNanos=" + processCpuNanos + " jitNanos=" + jitNanos
        + " gcNanos=" + gcNanos;
  }

  /** Reads a line {@link #toLine()} wrote; throws {@link IllegalArgumentException} on anything else. */
  public static WorkloadReport parse(String line) {
    if (!line.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a result line: " + line);
    }
    Map<String, Long> values = new HashMap<>();
    for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("not key=value: " + pair);
      }
      values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
    }
    return new WorkloadReport(
        Math.toIntExact(value(values, "requestsPerClient")),
        value(values, "wallNanos"),
        value(values, "cpuNanos"),
        value(values, "allocatedBytes"),
        new Latencies(value(values, "jdkP50Nanos"), value(values, "jdkP99Nanos")),
        new Latencies(value(values, "okHttpP50Nanos"), value(values, "okHttpP99Nanos")),
        Math.toIntExact(value(values, "failures")),
        value(values, "processCpuNanos"),
        value(values, "jitNanos"),
        value(values, "gcNanos"));
  }

  private static long value(Map<String, Long> values, String key) {
    Long value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("result line without " + key);
    }
    return value;
  }
}

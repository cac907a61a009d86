package io.statusguard.benchmarks.workload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The application the overhead harness measures, in a child JVM under each agent setup: it builds a JDK
 * {@link HttpClient} and an OkHttp client, says {@value #READY} (the JVM is ready for its first request),
 * warms both up, then sends the measured requests one after another, first with the JDK client, then
 * with OkHttp, and prints a {@link WorkloadReport}. Single-threaded; not reusable after {@link #close()}.
 *
 * <p>Usage: {@code ClientWorkload noop} (exits at once: the start-to-exit figure), or {@code
 * ClientWorkload run <baseUrl> <requestsPerClient> <warmupPerClient> <settleMillis>}.
 */
public final class ClientWorkload implements AutoCloseable {
  public static final String READY = "READY";
  static final String USAGE = "usage: ClientWorkload noop | ClientWorkload run <baseUrl> "
      + "<requestsPerClient> <warmupPerClient> <settleMillis>";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int BUSIEST_THREADS = 8;

  private final String baseUrl;
  private final HttpClient jdkClient;
  private final OkHttpClient okHttp;
  private int failures;

  private ClientWorkload(String baseUrl, HttpClient jdkClient, OkHttpClient okHttp) {
    this.baseUrl = baseUrl;
    this.jdkClient = jdkClient;
    this.okHttp = okHttp;
  }

  /** Both clients, built, for the server at {@code baseUrl} ({@code http://127.0.0.1:<port>}). */
  public static ClientWorkload open(String baseUrl) {
    // HTTP/1.1 for both: the loopback server speaks no h2c, and an upgrade attempt would differ per client.
    HttpClient jdkClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .build();
    OkHttpClient okHttp = new OkHttpClient.Builder()
        .connectTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .build();
    return new ClientWorkload(baseUrl, jdkClient, okHttp);
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length == 1 && args[0].equals("noop")) {
      return;
    }
    if (args.length != 5 || !args[0].equals("run")) {
      System.err.println(USAGE);
      System.exit(2);
    }
    int requests;
    int warmup;
    long settleMillis;
    try {
      requests = Integer.parseInt(args[2]);
      warmup = Integer.parseInt(args[3]);
      settleMillis = Long.parseLong(args[4]);
    } catch (NumberFormatException e) {
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    WorkloadReport report;
    try (ClientWorkload workload = open(args[1])) {
      System.out.println(READY);
      System.out.flush();
      report = workload.run(requests, warmup, settleMillis);
    }
    System.out.println(report.toLine());
    System.out.flush();
  }

  /**
   * Sends {@code warmup} unmeasured requests with each client, then {@code requests} measured ones with
   * each, then waits {@code settleMillis} so that work the agents defer (publishing, span processing)
   * lands in the measured CPU and allocation.
   */
  public WorkloadReport run(int requests, int warmup, long settleMillis)
      throws InterruptedException {
    if (requests < 1 || warmup < 0 || settleMillis < 0) {
      throw new IllegalArgumentException("requests must be positive, warmup and settle not negative");
    }
    for (int i = 0; i < warmup; i++) {
      sendWithJdkClient(i);
      sendWithOkHttp(i);
    }
    failures = 0;
    ThreadCpu threadsBefore = ThreadCpu.now();
    JvmServiceCpu servicesBefore = JvmServiceCpu.now();
    ProcessUsage before = ProcessUsage.now();
    long startNanos = System.nanoTime();
    long[] jdkNanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      long requestStart = System.nanoTime();
      sendWithJdkClient(warmup + i);
      jdkNanos[i] = System.nanoTime() - requestStart;
    }
    long[] okHttpNanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      long requestStart = System.nanoTime();
      sendWithOkHttp(warmup + i);
      okHttpNanos[i] = System.nanoTime() - requestStart;
    }
    long wallNanos = System.nanoTime() - startNanos;
    Thread.sleep(settleMillis);
    ProcessUsage after = ProcessUsage.now();
    JvmServiceCpu servicesAfter = JvmServiceCpu.now();
    // For diagnosis only: the harness keeps each run's stderr.
    ThreadCpu threadsAfter = ThreadCpu.now();
    System.err.println("[workload] CPU in the measured phase: " + (after.cpuNanos() - before.cpuNanos())
        / 1_000_000 + "ms; busiest threads: " + threadsAfter.busiestSince(threadsBefore, BUSIEST_THREADS)
        + "; statusguard's threads: " + threadsAfter.namedSince(threadsBefore, "statusguard")
        + "; JIT, GC and ended threads: " + (after.cpuNanos() - before.cpuNanos()
        - threadsAfter.totalSince(threadsBefore)) / 1_000_000 + "ms");
    return new WorkloadReport(requests, wallNanos, after.cpuNanos() - before.cpuNanos(),
        after.allocatedSince(before), Latencies.of(jdkNanos), Latencies.of(okHttpNanos), failures,
        after.cpuNanos(), servicesAfter.jitSince(servicesBefore), servicesAfter.gcSince(servicesBefore));
  }

  @Override
  public void close() {
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  private void sendWithJdkClient(int sequence) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url(sequence)))
        .timeout(TIMEOUT)
        .header("Accept", "application/json")
        .GET()
        .build();
    try {
      count(jdkClient.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
    } catch (IOException e) {
      failures++;
    }
  }

  private void sendWithOkHttp(int sequence) {
    Request request = new Request.Builder()
        .url(url(sequence))
        .header("Accept", "application/json")
        .build();
    try (Response response = okHttp.newCall(request).execute()) {
      response.body().bytes();
      count(response.code());
    } catch (IOException e) {
      failures++;
    }
  }

  private void count(int status) {
    if (status != 200 && status != 404) {
      failures++;
    }
  }

  /** A transaction lookup; one ID in ten ends in 7, which the server answers with 404. */
  private String url(int sequence) {
    return baseUrl + "/v1/clients/CL-1029/transactions/TX-" + (100_000 + sequence);
  }
}

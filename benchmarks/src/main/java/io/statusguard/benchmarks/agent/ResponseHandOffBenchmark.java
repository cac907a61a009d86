package io.statusguard.benchmarks.agent;

import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSinks;
import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.instrumentation.ResponseRecorder;
import io.statusguard.agent.pipeline.AgentCounters;
import io.statusguard.agent.pipeline.DropReason;
import io.statusguard.agent.pipeline.ObservationQueue;
import io.statusguard.agent.pipeline.PublisherSteps;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent costs an application thread per response: the advice's clock read, the one
 * observation it allocates, the volatile read of the active sink, the responses-seen counter and the
 * offer to the bounded queue. Each invocation hands over {@value #BATCH} responses and then takes them
 * off the queue in one batch, as the publisher thread does, so that the queue never fills (a full queue
 * would measure the cheaper drop path) and the publisher's dequeue is amortized into the figure. The
 * publisher's own work per event is {@link EventPublishingBenchmark}.
 *
 * <p>Run all of it, with allocation per response:
 * {@code java -jar benchmarks/target/statusguard-benchmarks.jar ResponseHandOffBenchmark -prof gc};
 * one case: {@code java -jar benchmarks/target/statusguard-benchmarks.jar
 * 'ResponseHandOffBenchmark.okHttpResponse$' -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ResponseHandOffBenchmark {
  /** The publisher thread's batch: what one invocation hands over and takes back. */
  static final int BATCH = PublisherSteps.BATCH_SIZE;
  static final String PROVIDER_URL =
      "https://api.provider.example/v1/clients/CL-1029/transactions/TX-98431";

  /** The running agent's queue, with its production capacity, behind the active sink. */
  @State(Scope.Benchmark)
  public static class RunningAgent {
    final AgentCounters counters = new AgentCounters();
    ObservationQueue queue;

    @Setup(Level.Trial)
    public void start() {
      queue = new ObservationQueue(AgentConfig.DEFAULT_QUEUE_CAPACITY, counters);
      ResponseSinks.activate(new ResponseRecorder(queue));
    }

    @TearDown(Level.Trial)
    public void stop() {
      ResponseSinks.deactivate();
      // Any drop would mean the figure mixes in the drop path.
      System.out.println("responses seen=" + counters.seen() + " dropped(queue_full)="
          + counters.dropped(DropReason.QUEUE_FULL));
    }
  }

  /** What an instrumented client holds when its response arrives, and the publisher's batch. */
  @State(Scope.Thread)
  public static class Response {
    final String url = PROVIDER_URL;
    final URI uri = URI.create(PROVIDER_URL);
    final String contentType = "application/json; charset=utf-8";
    final List<ResponseObservation> batch = new ArrayList<>(BATCH);
    long startNanos;

    @Setup(Level.Iteration)
    public void start() {
      startNanos = System.nanoTime();
    }

    /** Takes what this thread handed over off the queue, as the publisher thread would. */
    void publish(ObservationQueue queue) {
      batch.clear();
      PublisherSteps.drainTo(queue, batch, BATCH);
    }
  }

  /** OkHttp's advice: the target as the URL string OkHttp already holds, parsed later. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void okHttpResponse(RunningAgent agent, Response response) {
    for (int i = 0; i < BATCH; i++) {
      ResponseSinks.active().onResponse(ResponseObservation.ofUrlString(ResponseObservation.OKHTTP,
          "GET", response.url, 404, null, response.startNanos, System.nanoTime(),
          response.contentType));
    }
    response.publish(agent.queue);
  }

  /** The JDK HTTP client's completion: the target as the request's URI. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void jdkHttpClientResponse(RunningAgent agent, Response response) {
    for (int i = 0; i < BATCH; i++) {
      ResponseSinks.active().onResponse(ResponseObservation.ofHttpClient("GET", response.uri, 404,
          null, response.startNanos, System.nanoTime(), response.contentType));
    }
    response.publish(agent.queue);
  }

  /** Two application threads responding at once, contending for the queue's lock and counters. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(2)
  public void okHttpResponseTwoThreads(RunningAgent agent, Response response) {
    okHttpResponse(agent, response);
  }
}

package io.statusguard.benchmarks.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.pipeline.DropReason;
import org.junit.jupiter.api.Test;

class ResponseHandOffBenchmarkTest {

  @Test
  void everyResponseReachesTheQueueAndLeavesItWithoutADrop() {
    ResponseHandOffBenchmark benchmark = new ResponseHandOffBenchmark();
    ResponseHandOffBenchmark.RunningAgent agent = new ResponseHandOffBenchmark.RunningAgent();
    ResponseHandOffBenchmark.Response response = new ResponseHandOffBenchmark.Response();
    agent.start();
    response.start();
    try {
      for (int i = 0; i < 10; i++) {
        benchmark.okHttpResponse(agent, response);
        benchmark.jdkHttpClientResponse(agent, response);
      }
      assertThat(agent.queue.size()).isZero();
      assertThat(response.batch).hasSize(ResponseHandOffBenchmark.BATCH);
    } finally {
      agent.stop();
    }
    assertThat(agent.counters.seen()).isEqualTo(20L * ResponseHandOffBenchmark.BATCH);
    assertThat(agent.counters.dropped(DropReason.QUEUE_FULL)).isZero();
  }
}

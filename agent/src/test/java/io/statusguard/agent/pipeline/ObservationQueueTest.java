package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.ResponseObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ObservationQueueTest {
  private final AgentCounters counters = new AgentCounters();

  @Test
  void dropsAndCountsWhenFull() {
    ObservationQueue queue = new ObservationQueue(3, counters);

    for (int i = 0; i < 5; i++) {
      queue.accept(Observations.httpClient("GET", "http://h/x", 200));
    }

    assertThat(queue.size()).isEqualTo(3);
    assertThat(counters.seen()).isEqualTo(5);
    assertThat(counters.dropped(DropReason.QUEUE_FULL)).isEqualTo(2);
    assertThat(counters.queueDepth()).isEqualTo(3);
    assertThat(counters.outstanding()).isEqualTo(3);
  }

  @Test
  void acceptsAgainOnceDrained() {
    ObservationQueue queue = new ObservationQueue(1, counters);
    ResponseObservation first = Observations.httpClient("GET", "http://h/1", 200);
    queue.accept(first);
    queue.accept(Observations.httpClient("GET", "http://h/2", 200));

    List<ResponseObservation> drained = new ArrayList<>();
    queue.drainTo(drained, 10);
    queue.accept(Observations.httpClient("GET", "http://h/3", 200));

    assertThat(drained).containsExactly(first);
    assertThat(queue.size()).isEqualTo(1);
    assertThat(counters.dropped(DropReason.QUEUE_FULL)).isEqualTo(1);
  }

  @Test
  void neverBlocksConcurrentProducers() throws InterruptedException {
    ObservationQueue queue = new ObservationQueue(100, counters);
    int threads = 4;
    int perThread = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      for (int t = 0; t < threads; t++) {
        pool.execute(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          for (int i = 0; i < perThread; i++) {
            queue.accept(Observations.httpClient("GET", "http://h/x", 200));
          }
        });
      }
      start.countDown();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(counters.seen()).isEqualTo(threads * perThread);
    assertThat(queue.size()).isEqualTo(100);
    assertThat(counters.dropped(DropReason.QUEUE_FULL)).isEqualTo(threads * perThread - 100);
  }
}

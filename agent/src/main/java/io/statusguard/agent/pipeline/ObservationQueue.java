package io.statusguard.agent.pipeline;

import io.statusguard.agent.bootstrap.ResponseObservation;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The bounded hand-over from application threads to the publisher thread. Accepting never blocks: when
 * the queue is full the observation is dropped and counted as {@code queue_full}. Thread-safe.
 */
public final class ObservationQueue implements Consumer<ResponseObservation> {
  private final ArrayBlockingQueue<ResponseObservation> queue;
  private final AgentCounters counters;

  public ObservationQueue(int capacity, AgentCounters counters) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.counters = counters;
    counters.reportQueueDepth(queue::size);
  }

  /** Queues {@code observation} for publishing, or drops and counts it when the queue is full. */
  @Override
  public void accept(ResponseObservation observation) {
    counters.recordSeen();
    if (!queue.offer(observation)) {
      counters.recordDropped(DropReason.QUEUE_FULL);
    }
  }

  ResponseObservation poll(long timeout, TimeUnit unit) throws InterruptedException {
    return queue.poll(timeout, unit);
  }

  ResponseObservation poll() {
    return queue.poll();
  }

  int drainTo(Collection<? super ResponseObservation> batch, int max) {
    return queue.drainTo(batch, max);
  }

  public int size() {
    return queue.size();
  }
}

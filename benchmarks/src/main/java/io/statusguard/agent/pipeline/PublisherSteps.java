package io.statusguard.agent.pipeline;

import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.event.ResponseEvent;
import java.util.Collection;
import java.util.function.Function;

/**
 * Opens the publisher thread's package-private steps to the benchmarks: building an event from an
 * observation, and taking a batch from the observation queue. It lives in the agent's package (on the
 * class path, beside the agent's classes) because the agent rightly keeps these steps to itself; when
 * they change, this class stops compiling, and so the benchmarks cannot silently measure something else.
 * Stateless; what it returns has the threading contract of the agent class behind it.
 */
public final class PublisherSteps {
  /** How many observations the publisher thread takes from the queue at once. */
  public static final int BATCH_SIZE = EventPublisher.BATCH_SIZE;

  private PublisherSteps() {}

  /**
   * The publisher's event builder: target parsing, endpoint templating (which keeps card numbers and
   * query values out), and the event itself. Not thread-safe, like the templater it uses.
   */
  public static Function<ResponseObservation, ResponseEvent> assembler(String serviceName,
      String instanceId, String egressGroup, EndpointTemplater templater) {
    return new EventAssembler(serviceName, instanceId, egressGroup, templater)::assemble;
  }

  /** Moves up to {@code max} queued observations into {@code batch}, as the publisher thread does. */
  public static int drainTo(ObservationQueue queue, Collection<? super ResponseObservation> batch,
      int max) {
    return queue.drainTo(batch, max);
  }
}

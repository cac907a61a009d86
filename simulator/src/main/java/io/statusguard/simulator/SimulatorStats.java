package io.statusguard.simulator;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link ProviderSimulator} has answered so far: response counts by operation and status, and
 * the callers blocked at the time of the snapshot. Immutable.
 *
 * @param responses how many responses went out per (operation, status)
 * @param blockedCallers the remote addresses blocked when the snapshot was taken
 * @param blocksImposed how many times the firewall has blocked any caller since the start
 */
public record SimulatorStats(Map<Outcome, Long> responses, Set<String> blockedCallers, long blocksImposed) {

  /** The operation name of requests whose path and method matched no provider operation. */
  public static final String UNMATCHED_OPERATION = "unknown";

  public SimulatorStats {
    responses = Map.copyOf(responses);
    blockedCallers = Set.copyOf(blockedCallers);
  }

  /** How many responses with {@code status} {@code operation} (e.g. {@code RetrieveTransaction}) got. */
  public long count(String operation, int status) {
    return responses.getOrDefault(new Outcome(operation, status), 0L);
  }

  /** How many responses of any operation had {@code status}. */
  public long countStatus(int status) {
    return responses.entrySet().stream()
        .filter(e -> e.getKey().status() == status)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  public long total() {
    return responses.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One (operation, status) pair. */
  public record Outcome(String operation, int status) {
    public Outcome {
      Objects.requireNonNull(operation, "operation");
    }

    @Override
    public String toString() {
      return operation + ' ' + status;
    }
  }
}

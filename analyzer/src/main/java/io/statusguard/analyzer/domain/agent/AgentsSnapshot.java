package io.statusguard.analyzer.domain.agent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Every agent sighting as of {@code time}, ordered by service and instance. */
public record AgentsSnapshot(Instant time, List<AgentSighting> agents) {
  public AgentsSnapshot {
    Objects.requireNonNull(time, "time");
    agents = List.copyOf(agents);
  }
}

package io.statusguard.analyzer.domain.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What the analyzer knows of one agent (a service instance): where its requests leave from, which client
 * library it instruments, and the event times of the first and latest events it has seen from it.
 */
public record AgentSighting(String service, String instance, String egressGroup, String clientLibrary,
    Instant firstSeen, Instant lastSeen) {
  static final Comparator<AgentSighting> ORDER =
      Comparator.comparing(AgentSighting::service).thenComparing(AgentSighting::instance);

  public AgentSighting {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(egressGroup, "egressGroup");
    Objects.requireNonNull(clientLibrary, "clientLibrary");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}

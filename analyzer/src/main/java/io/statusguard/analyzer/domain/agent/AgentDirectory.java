package io.statusguard.analyzer.domain.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.statusguard.event.ResponseEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service instances seen in events, at most a fixed number of them (evictions are counted). Times
 * are event times truncated to the second, with a time ahead of the clock read as now, so a replay of the
 * same events gives the same sightings. One thread records; any thread reads.
 */
public final class AgentDirectory {
  public static final int DEFAULT_MAX_AGENTS = 10_000;
  private static final int RECENT_KEYS = 256;

  private final InstantSource clock;
  private final Cache<Instance, Entry> agents;
  private final AtomicLong evicted = new AtomicLong();
  // Keys handed out lately, so that recording an event allocates none; confined to the recording thread.
  private final Instance[] recentInstances = new Instance[RECENT_KEYS];

  private AgentDirectory(int maxAgents, InstantSource clock) {
    this.clock = clock;
    this.agents = Caffeine.newBuilder()
        .maximumSize(maxAgents)
        .executor(Runnable::run)
        .evictionListener((Instance key, Entry entry, RemovalCause cause) -> {
          if (cause == RemovalCause.SIZE) {
            evicted.incrementAndGet();
          }
        })
        .build();
  }

  public static AgentDirectory create(int maxAgents, InstantSource clock) {
    if (maxAgents < 1) {
      throw new IllegalArgumentException("max agents must be at least 1, got " + maxAgents);
    }
    return new AgentDirectory(maxAgents, Objects.requireNonNull(clock, "clock"));
  }

  public void record(ResponseEvent event) {
    record(event, clock.millis());
  }

  /** As {@link #record(ResponseEvent)}, with the clock read by the caller, once for a batch of events. */
  public void record(ResponseEvent event, long nowMillis) {
    long time = Math.min(event.timeUnixMs(), nowMillis);
    // Whole seconds: a sighting is replaced at most once a second per agent, not on every event.
    time -= Math.floorMod(time, 1_000L);
    Instance instance = instanceOf(event);
    Entry entry = agents.getIfPresent(instance);
    if (entry == null) {
      entry = agents.get(instance, key -> new Entry());
    }
    entry.update(event, time);
  }

  /** Every agent seen, as of now, ordered by service and instance. */
  public AgentsSnapshot snapshot() {
    List<AgentSighting> sightings = new ArrayList<>();
    agents.asMap().forEach((instance, entry) -> {
      AgentSighting sighting = entry.sighting;
      if (sighting != null) {
        sightings.add(sighting);
      }
    });
    sightings.sort(AgentSighting.ORDER);
    return new AgentsSnapshot(clock.instant(), sightings);
  }

  /** Agents forgotten because the directory held its maximum. */
  public long evicted() {
    return evicted.get();
  }

  /** The key of the event's instance, the one recently used for it when there is one. */
  private Instance instanceOf(ResponseEvent event) {
    String service = event.serviceName();
    String instanceId = event.instanceId();
    int slot = (31 * service.hashCode() + instanceId.hashCode()) & (recentInstances.length - 1);
    Instance recent = recentInstances[slot];
    if (recent != null && recent.service.equals(service) && recent.instanceId.equals(instanceId)) {
      return recent;
    }
    Instance instance = new Instance(service, instanceId);
    recentInstances[slot] = instance;
    return instance;
  }

  private record Instance(String service, String instanceId) {}

  /** The latest sighting of one instance, replaced whole so that readers never see half an update. */
  private static final class Entry {
    volatile AgentSighting sighting;

    void update(ResponseEvent event, long timeMillis) {
      AgentSighting current = sighting;
      if (current == null) {
        Instant time = Instant.ofEpochMilli(timeMillis);
        sighting = new AgentSighting(event.serviceName(), event.instanceId(), event.egressGroup(),
            event.clientLibrary(), time, time);
        return;
      }
      long first = current.firstSeen().toEpochMilli();
      long last = current.lastSeen().toEpochMilli();
      boolean later = timeMillis > last;
      boolean changed = later && (!current.egressGroup().equals(event.egressGroup())
          || !current.clientLibrary().equals(event.clientLibrary()));
      if (timeMillis < first || later) {
        sighting = new AgentSighting(current.service(), current.instance(),
            changed ? event.egressGroup() : current.egressGroup(),
            changed ? event.clientLibrary() : current.clientLibrary(),
            Instant.ofEpochMilli(Math.min(first, timeMillis)), Instant.ofEpochMilli(Math.max(last, timeMillis)));
      }
    }
  }
}

package io.statusguard.analyzer.domain.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.statusguard.analyzer.domain.CacheTouch;
import io.statusguard.analyzer.domain.Divisor;
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
  private static final Divisor SECOND = Divisor.of(1_000);

  private final InstantSource clock;
  private final Cache<Instance, Entry> agents;
  private final AtomicLong evicted = new AtomicLong();
  // Agents recorded lately, by their key's hash, so that recording an event allocates nothing and asks
  // the cache only as CacheTouch says; confined to the recording thread.
  private final Entry[] recent = new Entry[RECENT_KEYS];

  private AgentDirectory(int maxAgents, InstantSource clock) {
    this.clock = clock;
    this.agents = Caffeine.newBuilder()
        .maximumSize(maxAgents)
        .executor(Runnable::run)
        .evictionListener((Instance key, Entry entry, RemovalCause cause) -> {
          entry.evicted = true;
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
    time -= SECOND.floorMod(time);
    Entry remembered = recentEntry(event);
    if (remembered != null && !remembered.evicted && remembered.cacheTouch.untoldHit(nowMillis)) {
      remembered.update(event, time);
      return;
    }
    // After the path above, which nearly every event takes: the JIT inlines in the order of the bytecode
    // until its budget is spent, and the cache's code below is large.
    asked(event, remembered, nowMillis).update(event, time);
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

  /**
   * The entry of the event's agent in the table of recent ones, or null: found as {@code ResponseWindows}
   * finds a series.
   */
  private Entry recentEntry(ResponseEvent event) {
    String service = event.serviceName();
    String instanceId = event.instanceId();
    Entry entry = recent[slotOf(service, instanceId)];
    boolean same = entry != null && entry.instance.service.equals(service)
        && entry.instance.instanceId.equals(instanceId);
    return same ? entry : null;
  }

  /** The event's agent as the cache holds it now: {@code remembered} itself if the cache still holds it. */
  private Entry asked(ResponseEvent event, Entry remembered, long nowMillis) {
    if (remembered != null && !remembered.evicted && agents.getIfPresent(remembered.instance) == remembered) {
      remembered.cacheTouch.told(nowMillis);
      return remembered;
    }
    Instance instance =
        remembered != null ? remembered.instance : new Instance(event.serviceName(), event.instanceId());
    Entry entry = agents.get(instance, Entry::new);
    entry.cacheTouch.told(nowMillis);
    recent[slotOf(instance.service, instance.instanceId)] = entry;
    return entry;
  }

  private int slotOf(String service, String instanceId) {
    return (31 * service.hashCode() + instanceId.hashCode()) & (recent.length - 1);
  }

  private record Instance(String service, String instanceId) {}

  /** The latest sighting of one instance, replaced whole so that readers never see half an update. */
  private static final class Entry {
    final Instance instance;
    volatile AgentSighting sighting;
    // Set by the cache's maintenance, on whichever thread ran it.
    volatile boolean evicted;
    // Confined to the recording thread.
    final CacheTouch cacheTouch = new CacheTouch();

    Entry(Instance instance) {
      this.instance = instance;
    }

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

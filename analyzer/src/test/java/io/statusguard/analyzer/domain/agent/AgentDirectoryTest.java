package io.statusguard.analyzer.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.SampleEvents;
import io.statusguard.analyzer.domain.FakeClock;
import io.statusguard.event.ResponseEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentDirectoryTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private final FakeClock clock = FakeClock.at(NOW);
  private final AgentDirectory agents = AgentDirectory.create(100, clock);

  @Test
  void remembersEachInstanceWithItsFirstAndLatestEventTimeToTheSecond() {
    agents.record(at(NOW.minusMillis(30_250), "host-1:1"));
    agents.record(at(NOW.minusMillis(10_400), "host-1:1"));
    agents.record(at(NOW.minusMillis(20_000), "host-1:1"));
    agents.record(at(NOW.minusSeconds(5), "host-2:1"));

    AgentsSnapshot snapshot = agents.snapshot();

    assertThat(snapshot.time()).isEqualTo(NOW);
    assertThat(snapshot.agents()).containsExactly(
        new AgentSighting(SampleEvents.SERVICE, "host-1:1", SampleEvents.EGRESS_GROUP, "jdk-httpclient",
            NOW.minusSeconds(31), NOW.minusSeconds(11)),
        new AgentSighting(SampleEvents.SERVICE, "host-2:1", SampleEvents.EGRESS_GROUP, "jdk-httpclient",
            NOW.minusSeconds(5), NOW.minusSeconds(5)));
  }

  @Test
  void followsTheLatestEgressGroupAndClientLibrary() {
    agents.record(at(NOW.minusSeconds(10), "host-1:1"));
    agents.record(at(NOW.minusSeconds(5), "host-1:1").toBuilder().egressGroup("198.51.100.9")
        .clientLibrary("okhttp").build());
    agents.record(at(NOW.minusSeconds(8), "host-1:1"));

    AgentSighting sighting = agents.snapshot().agents().get(0);

    assertThat(sighting.egressGroup()).isEqualTo("198.51.100.9");
    assertThat(sighting.clientLibrary()).isEqualTo("okhttp");
  }

  @Test
  void readsAFutureEventTimeAsNow() {
    agents.record(at(NOW.plus(Duration.ofHours(1)), "host-1:1"));

    assertThat(agents.snapshot().agents().get(0).lastSeen()).isEqualTo(NOW);
  }

  @Test
  void keepsAtMostTheMaximumAndCountsEvictions() {
    for (int i = 0; i < 250; i++) {
      agents.record(at(NOW, "host-" + i));
    }

    assertThat(agents.snapshot().agents()).hasSizeLessThanOrEqualTo(100);
    assertThat(agents.evicted()).isEqualTo(150);
  }

  private static ResponseEvent at(Instant time, String instance) {
    return SampleEvents.retrieveTransaction(200).timeUnixMs(time.toEpochMilli()).instanceId(instance).build();
  }
}

package io.statusguard.benchmarks.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.event.ResponseEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMixTest {

  @Test
  void sameSeedGivesTheSameEvents() {
    assertThat(EventMix.encoded(100, 1_000_000L)).usingElementComparator(Arrays::compare)
        .containsExactlyElementsOf(EventMix.encoded(100, 1_000_000L));
  }

  @Test
  void mixesSuccessesWithTheErrorsTheAnalyzerLooksFor() {
    List<ResponseEvent> events = EventMix.events(2_000, 1_000_000L);

    assertThat(events).extracting(ResponseEvent::status).contains(200, 404, 409, 403, 0);
    assertThat(events.stream().filter(event -> event.status() == 200).count())
        .isGreaterThan(events.size() / 2);
    assertThat(events).allSatisfy(event -> assertThat(event.timeUnixMs())
        .isBetween(1_000_000L - 60_000, 1_000_000L));
  }
}

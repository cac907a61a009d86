package io.statusguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorCommandTest {

  @Test
  void readsFlagsInBothForms() {
    SimulatorConfig config = SimulatorCommand.parse(new String[] {
        "--port=8089", "--seed", "5", "--block-window=30s", "--block-cool-down", "PT2M",
        "--block-error-ratio=0.5", "--poll-interval=500ms", "--rate-limit=5"});

    assertThat(config.port()).isEqualTo(8089);
    assertThat(config.seed()).isEqualTo(5);
    assertThat(config.blockPolicy().window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.blockPolicy().coolDown()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.blockPolicy().errorRatio()).isEqualTo(0.5);
    assertThat(config.minPollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.requestsPerSecondLimit()).isEqualTo(5);
  }

  @Test
  void noFlagsGiveTheDefaults() {
    assertThat(SimulatorCommand.parse(new String[0]).blockPolicy()).isEqualTo(BlockPolicy.defaults());
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--colour=red"}))
        .hasMessageContaining("unknown flag --colour");
    assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--port"}))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--port=x"}))
        .hasMessageContaining("not an integer");
    assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--block-window=soon"}))
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> SimulatorCommand.parse(new String[] {"--block-error-ratio=2"}))
        .hasMessageContaining("errorRatio");
  }

  @Test
  void usageListsEveryFlag() {
    assertThat(SimulatorCommand.usage()).contains("--port=<int>", "--block-not-found-conflict-limit=<int>");
  }

  @Test
  void readsDurationsInShortAndIsoForms() {
    assertThat(SimulatorCommand.parseDuration("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(SimulatorCommand.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(SimulatorCommand.parseDuration("PT10S")).isEqualTo(Duration.ofSeconds(10));
  }
}

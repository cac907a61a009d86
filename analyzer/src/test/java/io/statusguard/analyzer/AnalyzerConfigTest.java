package io.statusguard.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyzerConfigTest {

  @Test
  void defaultsMatchTheDocumentedValues() {
    AnalyzerConfig config = AnalyzerConfig.defaults();

    assertThat(config).isEqualTo(new AnalyzerConfig("localhost:9092", "statusguard.events", "statusguard-analyzer",
        "0.0.0.0", 9464, 1000, 10_000, 10_000, Duration.ofHours(1), null, null));
  }

  @Test
  void copiesWithOneChange() {
    AnalyzerConfig config = AnalyzerConfig.defaults().withBootstrapServers("127.0.0.1:1,[::1]:2").withHttpPort(0);

    assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:1,[::1]:2");
    assertThat(config.httpPort()).isZero();
    assertThat(config.topic()).isEqualTo(AnalyzerConfig.DEFAULT_TOPIC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "localhost", "localhost:0", "localhost:70000", "a:1,,b:2", "a:1,b"})
  void rejectsBootstrapServersThatAreNotHostAndPortPairs(String servers) {
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withBootstrapServers(servers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bootstrap servers");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "with space", "slash/topic", ".", ".."})
  void rejectsTopicNamesKafkaRefuses(String topic) {
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withTopic(topic))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("topic must be");
  }

  @Test
  void rejectsOutOfRangeNumbersNamingTheSetting() {
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withHttpPort(65_536))
        .hasMessage("http port must be between 0 (any free port) and 65535, got 65536");
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withMaxEndpoints(0))
        .hasMessage("max endpoints must be between 1 and 100000, got 0");
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withGroupId(" "))
        .hasMessageStartingWith("group id must be");
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withHttpHost(""))
        .hasMessageStartingWith("http host must be");
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withMaxSeries(0))
        .hasMessage("max series must be between 1 and 1000000, got 0");
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withMaxWindowKeys(1_000_001))
        .hasMessage("max window keys must be between 1 and 1000000, got 1000001");
  }

  @Test
  void limitsTheRebuildWindowToWhatTheWindowsKeep() {
    assertThat(AnalyzerConfig.defaults().withRebuildWindow(Duration.ZERO).rebuildWindow()).isZero();
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withRebuildWindow(Duration.ofMinutes(61)))
        .hasMessage("rebuild window must be between 0 and 60 minutes, got PT1H1M");
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withRebuildWindow(Duration.ofSeconds(-1)))
        .hasMessageStartingWith("rebuild window must be between 0 and 60 minutes");
  }

  @Test
  void keepsTheOptionalProfileAndDeadLetterTopic() {
    AnalyzerConfig config = AnalyzerConfig.defaults().withProfile(Path.of("p.yaml")).withDeadLetterTopic("dead");

    assertThat(config.profile()).isEqualTo(Path.of("p.yaml"));
    assertThat(config.deadLetterTopic()).isEqualTo("dead");
    assertThat(config.withProfile(null).withDeadLetterTopic(null))
        .isEqualTo(AnalyzerConfig.defaults());
  }

  @Test
  void refusesADeadLetterTopicThatIsTheEventTopicOrInvalid() {
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withDeadLetterTopic(AnalyzerConfig.DEFAULT_TOPIC))
        .hasMessage("dead-letter topic must differ from the event topic \"statusguard.events\"");
    assertThatThrownBy(() -> AnalyzerConfig.defaults().withDeadLetterTopic("no space"))
        .hasMessageStartingWith("dead-letter topic must be 1 to 249 characters");
  }
}

package io.statusguard.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyzerConfigTest {

  @Test
  void defaultsMatchTheDocumentedValues() {
    AnalyzerConfig config = AnalyzerConfig.defaults();

    assertThat(config).isEqualTo(new AnalyzerConfig(
        "localhost:9092", "statusguard.events", "statusguard-analyzer", "0.0.0.0", 9464, 1000));
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
  }
}

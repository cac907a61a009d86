package io.statusguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerTestKafkaTest {

  @Test
  void defaultImageIsTheApacheKafkaImageOfTheBuildsKafkaVersion() {
    assertThat(ContainerTestKafka.defaultImage()).isEqualTo("apache/kafka:4.4.0");
  }
}

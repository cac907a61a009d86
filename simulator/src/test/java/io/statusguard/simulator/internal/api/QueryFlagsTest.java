package io.statusguard.simulator.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryFlagsTest {

  @Test
  void plusJoinsFlags() {
    QueryFlags flags = QueryFlags.parse("AVS+Fees");

    assertThat(flags.has("AVS")).isTrue();
    assertThat(flags.has("Fees")).isTrue();
    assertThat(flags.has("ANI")).isFalse();
  }

  @Test
  void namedValuesAreDecodedAndNamesMatchWithoutCase() {
    QueryFlags flags = QueryFlags.parse("ReferenceId=ab%2Dc&authorize");

    assertThat(flags.value("referenceID")).hasValue("ab-c");
    assertThat(flags.has("AUTHORIZE")).isTrue();
    assertThat(flags.names()).containsExactlyInAnyOrder("referenceid", "authorize");
  }

  @Test
  void noQueryGivesNoFlags() {
    assertThat(QueryFlags.parse(null).names()).isEmpty();
    assertThat(QueryFlags.parse("").names()).isEmpty();
  }

  @Test
  void readsABoundedNumberOfParameters() {
    String many = IntStream.range(0, 100).mapToObj(i -> "f" + i).collect(Collectors.joining("&"));

    assertThat(QueryFlags.parse(many).names()).hasSize(QueryFlags.MAX_PARAMETERS);
  }
}

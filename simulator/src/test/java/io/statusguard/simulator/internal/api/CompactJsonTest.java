package io.statusguard.simulator.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompactJsonTest {

  @Test
  void readsAPackedObject() {
    assertThat(CompactJson.parseObject("{\"a\":1,\"b\":{\"c\":[1,2]}}")).isPresent();
  }

  @Test
  void rejectsWhitespaceBetweenTokens() {
    assertThat(CompactJson.parseObject("{\"a\": 1}")).isEmpty();
    assertThat(CompactJson.parseObject("{\"a\":1}\n")).isEmpty();
    assertThat(CompactJson.parseObject("\t{\"a\":1}")).isEmpty();
  }

  @Test
  void keepsWhitespaceAndEscapedQuotesInsideStrings() {
    assertThat(CompactJson.parseObject("{\"name\":\"Jane \\\" Doe\",\"b\":\"x y\"}")).isPresent();
  }

  @Test
  void rejectsAnythingButOneObject() {
    assertThat(CompactJson.parseObject("[1]")).isEmpty();
    assertThat(CompactJson.parseObject("\"text\"")).isEmpty();
    assertThat(CompactJson.parseObject("{\"a\":1}{\"b\":2}")).isEmpty();
    assertThat(CompactJson.parseObject("{\"a\":1")).isEmpty();
    assertThat(CompactJson.parseObject("")).isEmpty();
  }

  @Test
  void rejectsRepeatedKeys() {
    assertThat(CompactJson.parseObject("{\"a\":1,\"a\":2}")).isEmpty();
  }

  @Test
  void writesWithoutWhitespace() {
    assertThat(CompactJson.write(CompactJson.object().put("a", 1).put("b", "x y")))
        .isEqualTo("{\"a\":1,\"b\":\"x y\"}");
  }
}

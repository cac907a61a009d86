package io.statusguard.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParsedSegmentsTest {
  private final ParsedSegments<String> segments = new ParsedSegments<>();

  @Test
  void answersARunSeenBeforeWhereverItSitsInTheRecord() {
    byte[] first = bytes("{..,\"service.name\":\"payments-api\"..}");
    byte[] later = bytes("{1234,\"service.name\":\"payments-api\",\"x\":1}");
    remember(first, 3, 33, "payments-api");

    assertThat(lookUp(later, 5, 35)).isEqualTo("payments-api");
  }

  @Test
  void tellsApartRunsThatDifferInOneByte() {
    byte[] one = bytes(",\"server.address\":\"203.0.113.10\"");
    byte[] two = bytes(",\"server.address\":\"203.0.113.11\"");
    remember(one, 0, one.length, "ten");

    assertThat(lookUp(two, 0, two.length)).isNull();
    assertThat(lookUp(one, 0, one.length)).isEqualTo("ten");
  }

  @Test
  void tellsApartARunFromItsOwnPrefix() {
    byte[] run = bytes(",\"operation.name\":\"RetrieveTransaction\"");
    remember(run, 0, run.length, "whole");

    assertThat(lookUp(run, 0, run.length - 1)).isNull();
  }

  @Test
  void keepsLongRunsOutOfTheTable() {
    byte[] run = bytes("x".repeat(ParsedSegments.MAX_LENGTH + 1));
    remember(run, 0, run.length, "long");

    assertThat(lookUp(run, 0, run.length)).isNull();
  }

  @Test
  void aFloodOfDistinctRunsOnlyReplacesEntries() {
    for (int i = 0; i < 100_000; i++) {
      byte[] run = bytes(",\"url.template\":\"/v1/transactions/" + Integer.toString(i, 36) + '"');
      remember(run, 0, run.length, Integer.toString(i));
      assertThat(lookUp(run, 0, run.length)).isEqualTo(Integer.toString(i));
    }
  }

  private void remember(byte[] bytes, int from, int to, String parsed) {
    segments.put(bytes, from, to, ParsedSegments.hash(bytes, from, to), parsed);
  }

  private String lookUp(byte[] bytes, int from, int to) {
    return segments.get(bytes, from, to, ParsedSegments.hash(bytes, from, to));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

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
  void hashesARunByItsBytesAloneWhateverItsLengthAndPlace() {
    String text = ",\"client.library\":\"apache-httpclient-5\",\"http.request.method\":\"POST\"";
    for (int length = 0; length <= text.length(); length++) {
      String run = text.substring(0, length);
      byte[] alone = bytes(run);
      byte[] amid = bytes("0123456789abcdef".substring(length % 16) + run + "xyz");
      int from = amid.length - 3 - alone.length;

      assertThat(ParsedSegments.hash(amid, from, from + alone.length))
          .as("run of %d bytes", length)
          .isEqualTo(ParsedSegments.hash(alone, 0, alone.length));
      if (length > 0) {
        assertThat(ParsedSegments.hash(alone, 0, length - 1)).isNotEqualTo(ParsedSegments.hash(alone, 0, length));
      }
    }
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

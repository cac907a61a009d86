package io.statusguard.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.SampleEvents;
import io.statusguard.event.BodyFormat;
import io.statusguard.event.ErrorType;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import io.statusguard.event.SchemaVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EncodedEventScannerTest {
  private static final String VERSION = "\"schema_version\":\"" + SchemaVersion.CURRENT + '"';

  private final EncodedEventScanner scanner = new EncodedEventScanner(new CanonicalStrings());
  private final ResponseEventDecoder decoder = ResponseEventDecoder.create();

  static Stream<ResponseEvent> eventsTheEncoderWrites() {
    return Stream.of(
        SampleEvents.retrieveTransaction(200).build(),
        SampleEvents.retrieveTransaction(404).build(),
        SampleEvents.createTransaction(409).queryNames(List.of("authorize", "void", "AVS+Fees")).build(),
        SampleEvents.createAccount(201).operation(null).contentType(null).build(),
        SampleEvents.timedOut().build(),
        SampleEvents.timedOut().errorType(ErrorType.OTHER).build(),
        SampleEvents.createTransaction(422).sampleWeight(20).errorMessage("Transaction Limit").build(),
        SampleEvents.createTransaction(409)
            .errorMessage("Duplicate \"ref\" \\ \n\r\t \u0001\u001f /").build(),
        SampleEvents.createTransaction(409).errorMessage("\u00e9\u00df \u20ac\u2028\u2029 \ud83d\udca5 \u4e2d").build(),
        SampleEvents.retrieveTransaction(404).serviceName("pay\u00e9").endpointTemplate("/v1/\u00fcber/{ID}")
            .build(),
        SampleEvents.retrieveTransaction(403).contentType("text/xml").providerStatus(403)
            .bodyFormat(BodyFormat.XML).build(),
        SampleEvents.retrieveTransaction(404).providerStatus(404).providerErrorCode("3C463000")
            .bodyFormat(BodyFormat.JSON).errorMessage("Not Found")
            .resource("TransactionID", "A0oH0E4EiWloxnwr75liQg").providerClientId("B1pI1F5FjXmpyoxs86mjRh")
            .build(),
        SampleEvents.retrieveTransaction(500).timeUnixMs(0).port(0).durationMicros(0).build(),
        SampleEvents.retrieveTransaction(999).timeUnixMs(999_999_999_999_999_999L).port(65_535)
            .durationMicros(999_999_999_999_999_999L).build());
  }

  @ParameterizedTest
  @MethodSource("eventsTheEncoderWrites")
  void readsBackWhatTheEncoderWrites(ResponseEvent event) {
    byte[] record = ResponseEventEncoder.encode(event);

    assertThat(scanner.scan(record)).isEqualTo(event);
    assertThat(decoder.decode(record)).isEqualTo(new Decoded.Accepted(event));
  }

  @ParameterizedTest
  @MethodSource("eventsTheEncoderWrites")
  void readsWhatJacksonsPathReads(ResponseEvent event) {
    byte[] record = ResponseEventEncoder.encode(event);

    assertThat(new Decoded.Accepted(scanner.scan(record))).isEqualTo(viaJackson(record));
  }

  /**
   * A record is read where the fetch response holds it, between other records. One byte short at either
   * end, it is no record, though the bytes that complete it lie right beside the range.
   */
  @ParameterizedTest
  @MethodSource("eventsTheEncoderWrites")
  void readsARecordInPlaceAndNoByteOutsideItsRange(ResponseEvent event) {
    byte[] record = ResponseEventEncoder.encode(event);
    byte[] neighbour = ResponseEventEncoder.encode(SampleEvents.createTransaction(409).build());
    byte[] response = concat(neighbour, record, neighbour);

    for (int round = 0; round < 2; round++) {
      assertThat(scanner.scan(response, neighbour.length, record.length)).isEqualTo(event);
    }
    assertThat(scanner.scan(record, 0, record.length - 1)).isNull();
    assertThat(scanner.scan(record, 1, record.length - 1)).isNull();
  }

  /** Strings are read eight bytes at a time: a special character must be found wherever it falls. */
  @Test
  void readsEveryLengthOfStringWithAnyCharacterAtAnyPosition() {
    for (String special : List.of("\"", "\\", "\n", "\u0001", "\u00e9", "\u20ac", "\ud83d\udca5", "x")) {
      for (int length = 1; length <= 24; length++) {
        for (int at = 0; at < length; at++) {
          String text = "a".repeat(at) + special + "b".repeat(length - at - 1);
          ResponseEvent event = SampleEvents.createTransaction(409).endpointTemplate(text).errorMessage(text)
              .providerClientId(text).build();

          assertThat(scanner.scan(ResponseEventEncoder.encode(event))).as(text).isEqualTo(event);
        }
      }
    }
  }

  @Test
  void sharesOneInstancePerRepeatedValueButNotPerResourceId() {
    byte[] record = ResponseEventEncoder.encode(SampleEvents.retrieveTransaction(404)
        .resource("TransactionID", "A0oH0E4EiWloxnwr75liQg").build());

    ResponseEvent first = scanner.scan(record);
    ResponseEvent second = scanner.scan(record.clone());

    assertThat(second.host()).isSameAs(first.host());
    assertThat(second.endpointTemplate()).isSameAs(first.endpointTemplate());
    assertThat(second.resourceType()).isSameAs(first.resourceType());
    assertThat(second.resourceId()).isEqualTo(first.resourceId()).isNotSameAs(first.resourceId());
  }

  @Test
  void remembersWhoSentARecordAtEveryLengthAndWhereverItsTimeEndsIt() {
    // The run from the service's name to the query's names starts after the time's digits and ends
    // at the status key: its length and its place vary here over every remainder modulo 16.
    for (int length = 1; length <= 16; length++) {
      ResponseEvent.Builder event = SampleEvents.createTransaction(409).serviceName("s".repeat(length))
          .queryNames(List.of("authorize", "void"));
      ResponseEvent first = scanner.scan(ResponseEventEncoder.encode(event.timeUnixMs(7).build()));
      ResponseEvent second = scanner.scan(ResponseEventEncoder.encode(event.timeUnixMs(1_795_700_907_346L).build()));

      // One parse of the run serves both records: they share its list of query names.
      assertThat(second.queryNames()).as("service name of %d characters", length)
          .isSameAs(first.queryNames());
      assertThat(second.timeUnixMs()).isEqualTo(1_795_700_907_346L);
    }
  }

  @Test
  void readsWholeNumbersOfEveryLengthWhereverTheyFallInAWord() {
    // Numbers are read eight digits at a time: every count of digits up to the 18 a long holds, with the
    // duration moved through every place in a word by the service name's length before it.
    long number = 0;
    for (int digits = 1; digits <= 18; digits++) {
      number = number * 10 + digits % 10;
      for (int length = 1; length <= 8; length++) {
        ResponseEvent event = SampleEvents.createTransaction(201).serviceName("s".repeat(length))
            .timeUnixMs(number).durationMicros(number).build();

        assertThat(scanner.scan(ResponseEventEncoder.encode(event))).as("%d digits", digits).isEqualTo(event);
      }
    }
  }

  static Stream<String> recordsTheEncoderDoesNotWrite() {
    String record = json(SampleEvents.retrieveTransaction(404).build());
    return Stream.of(
        " " + record,
        record + " ",
        record + "{}",
        record.replace(",\"service.name\"", ", \"service.name\""),
        record.replace("\":", "\" :"),
        // Other key order: the event type before the version.
        record.replace("{" + VERSION + ",\"event.type\":\"http.response\"",
            "{\"event.type\":\"http.response\"," + VERSION),
        record.replace("}", ",\"agent.new_field\":\"x\"}"),
        record.replace("}", ",\"sample.weight\":1}"),
        record.replace(VERSION, "\"schema_version\":\"1\""),
        record.replace(VERSION, "\"schema_version\":\"2.0\""),
        record.replace(VERSION, "\"schema_version\":\"1.1234567\""),
        record.replace("\"http.response\"", "\"agent.heartbeat\""),
        record.replace("\"sample.weight\":1", "\"sample.weight\":1.5"),
        record.replace("\"sample.weight\":1", "\"sample.weight\":1e0"),
        record.replace("\"sample.weight\":1", "\"sample.weight\":0"),
        record.replace("\"server.port\":8443", "\"server.port\":08443"),
        record.replace("\"server.port\":8443", "\"server.port\":65536"),
        record.replace("\"server.port\":8443", "\"server.port\":-1"),
        record.replace("\"server.port\":8443", "\"server.port\":\"8443\""),
        record.replace("\"http.response.status_code\":404", "\"http.response.status_code\":1000"),
        record.replace("\"time_unix_ms\":1790000000123", "\"time_unix_ms\":9999999999999999999"),
        record.replace("\"operation.name\":\"RetrieveTransaction\"", "\"operation.name\":null"),
        record.replace("\"operation.name\":\"RetrieveTransaction\"", "\"operation.name\":\"\""),
        record.replace("\"url.scheme\":\"https\"", "\"url.scheme\":\"" + "h".repeat(17) + '"'),
        record.replace(",\"url.scheme\":\"https\"", ""),
        record.replace("\"payments\"", "\"pay\\u00e9\\x\""),
        record.replace("\"payments\"", "\"pay\\u00g9\""),
        record.replace("\"payments\"", "\"pay\tments\""),
        record.replace("}", ""),
        record.substring(0, record.length() / 2),
        record.replace("}", ",\"provider.resource_type\":\"TransactionID\"}"),
        record.replace("}", ",\"provider.status_code\":0}"),
        record.replace("}", ",\"url.query.names\":[]}"),
        record.replace(",\"http.response.status_code\"", ",\"url.query.names\":[]" + ",\"http.response.status_code\""),
        record.replace(",\"http.response.status_code\"",
            ",\"url.query.names\":[" + "\"q\",".repeat(32) + "\"q\"]" + ",\"http.response.status_code\""),
        record.replace(",\"http.response.status_code\"", ",\"url.query.names\":[\"a\",1]"
            + ",\"http.response.status_code\""));
  }

  /** Runs of bytes seen before are answered from memory: that must change no answer. */
  @ParameterizedTest
  @MethodSource("recordsTheEncoderDoesNotWrite")
  void leavesAnythingElseToJacksonEvenRightAfterTheRecordItWasMadeFrom(String record) {
    ResponseEvent original = SampleEvents.retrieveTransaction(404).build();
    assertThat(scanner.scan(ResponseEventEncoder.encode(original))).isEqualTo(original);

    assertThat(scanner.scan(record.getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  void tellsApartRecordsThatDifferInOneByteOfARepeatedRun() {
    ResponseEvent ten = SampleEvents.retrieveTransaction(404).egressGroup("203.0.113.10").build();
    ResponseEvent eleven = SampleEvents.retrieveTransaction(404).egressGroup("203.0.113.11").build();
    ResponseEvent xml = SampleEvents.retrieveTransaction(404).contentType("text/xml").build();
    ResponseEvent json = SampleEvents.retrieveTransaction(404).contentType("text/jsn").build();

    for (int round = 0; round < 3; round++) {
      for (ResponseEvent event : List.of(ten, eleven, xml, json)) {
        assertThat(scanner.scan(ResponseEventEncoder.encode(event))).isEqualTo(event);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("recordsTheEncoderDoesNotWrite")
  void leavesAnythingElseToJackson(String record) {
    assertThat(scanner.scan(record.getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  void leavesAResourceIdWithoutItsTypeToJacksonWhichRejectsIt() {
    byte[] record = (json(SampleEvents.retrieveTransaction(404).build()).replace("}", "")
        + ",\"provider.resource_id\":\"A0oH0E4EiWloxnwr75liQg\"}").getBytes(StandardCharsets.UTF_8);

    assertThat(scanner.scan(record)).isNull();
    assertThat(decoder.decode(record)).isInstanceOfSatisfying(Decoded.Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(DecodeFailure.INVALID_VALUE));
  }

  @Test
  void leavesMalformedUtf8ToJackson() {
    byte[] record = ResponseEventEncoder.encode(SampleEvents.retrieveTransaction(404).serviceName("pay\u00e9").build());
    int accent = indexOf(record, (byte) 0xC3);

    for (byte[] invalid : List.of(new byte[] {(byte) 0xC0, (byte) 0xA9}, new byte[] {(byte) 0xED, (byte) 0xA0},
        new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xF8, (byte) 0x88})) {
      byte[] edited = record.clone();
      edited[accent] = invalid[0];
      edited[accent + 1] = invalid[1];

      assertThat(scanner.scan(edited)).isNull();
    }
  }

  /**
   * Bytes changed, dropped or repeated at random in records of every shape: whatever the scanner accepts,
   * Jackson's path accepts as the same event, so the scanner never lets through what the decoder would
   * reject or read differently.
   */
  @Test
  void acceptsOnlyWhatJacksonsPathAcceptsAlike() {
    SplittableRandom random = new SplittableRandom(5);
    List<byte[]> records = eventsTheEncoderWrites().map(ResponseEventEncoder::encode).toList();
    int accepted = 0;
    for (int i = 0; i < 50_000; i++) {
      byte[] record = mutated(records.get(random.nextInt(records.size())), random);
      ResponseEvent scanned = scanner.scan(record);
      if (scanned != null) {
        accepted++;
        assertThat(viaJackson(record)).as("record %s", new String(record, StandardCharsets.UTF_8))
            .isEqualTo(new Decoded.Accepted(scanned));
      }
    }
    // Many mutations land in values (a digit for a digit, a letter for a letter) and stay valid.
    assertThat(accepted).isGreaterThan(1_000);
  }

  /**
   * Any range reads as a copy of its bytes would, whatever its neighbours: a mutated record between two
   * copies of the record it was made from, and a random stretch of it, which its neighbours continue.
   */
  @Test
  void readsAnyRangeInPlaceAsItReadsACopyOfIt() {
    SplittableRandom random = new SplittableRandom(7);
    List<byte[]> records = eventsTheEncoderWrites().map(ResponseEventEncoder::encode).toList();
    for (int i = 0; i < 20_000; i++) {
      byte[] original = records.get(random.nextInt(records.size()));
      byte[] record = mutated(original, random);
      byte[] response = concat(original, record, original);
      int from = random.nextInt(record.length);
      int length = random.nextInt(record.length - from + 1);

      assertThat(scanner.scan(response, original.length, record.length)).isEqualTo(scanner.scan(record));
      assertThat(scanner.scan(response, original.length + from, length))
          .isEqualTo(scanner.scan(Arrays.copyOfRange(record, from, from + length)));
    }
  }

  private static byte[] mutated(byte[] record, SplittableRandom random) {
    int at = random.nextInt(record.length);
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] copy = record.clone();
        copy[at] = (byte) random.nextInt(256);
        return copy;
      }
      case 1 -> {
        byte[] copy = record.clone();
        // A character of the same kind, so that the record often stays valid.
        byte b = copy[at];
        copy[at] = Character.isDigit(b) ? (byte) ('0' + random.nextInt(10))
            : Character.isLetter(b) ? (byte) ('a' + random.nextInt(26)) : (byte) "\"\\:,{}[]u. ".charAt(random.nextInt(11));
        return copy;
      }
      case 2 -> {
        byte[] copy = new byte[record.length - 1];
        System.arraycopy(record, 0, copy, 0, at);
        System.arraycopy(record, at + 1, copy, at, record.length - at - 1);
        return copy;
      }
      default -> {
        byte[] copy = new byte[record.length + 1];
        System.arraycopy(record, 0, copy, 0, at + 1);
        System.arraycopy(record, at, copy, at + 1, record.length - at);
        return copy;
      }
    }
  }

  /** Decodes with Jackson: a leading space means nothing to JSON but sends the record past the scanner. */
  private Decoded viaJackson(byte[] record) {
    byte[] spaced = new byte[record.length + 1];
    spaced[0] = ' ';
    System.arraycopy(record, 0, spaced, 1, record.length);
    return decoder.decode(spaced);
  }

  private static String json(ResponseEvent event) {
    return ResponseEventEncoder.toJson(event);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      joined.writeBytes(part);
    }
    return joined.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no byte " + b);
  }
}

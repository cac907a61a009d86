package io.statusguard.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusguard.analyzer.HostileRecords;
import io.statusguard.analyzer.SampleEvents;
import io.statusguard.event.ErrorType;
import io.statusguard.event.EventFields;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseEventDecoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ResponseEventDecoder decoder = ResponseEventDecoder.create();

  static Stream<ResponseEvent> eventsTheAgentSends() {
    return Stream.of(
        SampleEvents.retrieveTransaction(404).build(),
        SampleEvents.createTransaction(409).errorMessage("Duplicate \"ref\"\n\u00e9\u2028").build(),
        SampleEvents.createAccount(201).operation(null).contentType(null).sampleWeight(2.5).build(),
        SampleEvents.timedOut().build());
  }

  @ParameterizedTest
  @MethodSource("eventsTheAgentSends")
  void acceptsWhatTheEncoderWrites(ResponseEvent event) {
    Decoded decoded = decoder.decode(ResponseEventEncoder.encode(event));

    assertThat(decoded).isEqualTo(new Decoded.Accepted(event));
  }

  @Test
  void sharesOneInstancePerRepeatedValueAcrossRecords() {
    byte[] record = ResponseEventEncoder.encode(SampleEvents.retrieveTransaction(404).build());

    ResponseEvent first = ((Decoded.Accepted) decoder.decode(record)).event();
    ResponseEvent second = ((Decoded.Accepted) decoder.decode(record.clone())).event();

    assertThat(second.serviceName()).isSameAs(first.serviceName());
    assertThat(second.endpointTemplate()).isSameAs(first.endpointTemplate());
  }

  @Test
  void acceptsEveryMinorVersionOfItsMajor() {
    Decoded decoded = decoder.decode(edited(json -> json.put(EventFields.SCHEMA_VERSION, "1.17")));

    assertThat(decoded).isInstanceOf(Decoded.Accepted.class);
  }

  @Test
  void ignoresUnknownKeysOfAnyShape() {
    Decoded decoded = decoder.decode(edited(json -> {
      json.put("agent.new_field", "x");
      json.putObject("nested").putArray("list").add(1).addObject().put("deep", true);
      json.putNull("nothing");
    }));

    assertThat(decoded).isEqualTo(new Decoded.Accepted(SampleEvents.retrieveTransaction(404).build()));
  }

  @Test
  void readsAnAbsentSampleWeightAsOne() {
    Decoded decoded = decoder.decode(edited(json -> json.remove(EventFields.SAMPLE_WEIGHT)));

    assertThat(((Decoded.Accepted) decoded).event().sampleWeight()).isEqualTo(1.0);
  }

  @Test
  void readsAnErrorTypeOfANewerMinorVersionAsOther() {
    Decoded decoded = decoder.decode(edited(json -> json.put(EventFields.ERROR_TYPE, "quic_error")));

    assertThat(((Decoded.Accepted) decoded).event().errorType()).isEqualTo(ErrorType.OTHER);
  }

  @Test
  void skipsAnotherEventType() {
    Decoded decoded = decoder.decode(bytes("{\"schema_version\":\"1.2\",\"event.type\":\"agent.heartbeat\"}"));

    assertThat(decoded).isEqualTo(new Decoded.Skipped("agent.heartbeat"));
  }

  @Test
  void rejectsAnEventTypeUnfitForAMetricLabel() {
    Decoded decoded = decoder.decode(edited(json -> json.put(EventFields.EVENT_TYPE, "Agent Heartbeat {x}")));

    assertRejected(decoded, DecodeFailure.INVALID_VALUE);
  }

  @Test
  void rejectsOversizedBeforeParsing() {
    byte[] huge = new byte[ResponseEventDecoder.MAX_RECORD_BYTES + 1];
    Arrays.fill(huge, (byte) '{');

    Decoded decoded = decoder.decode(huge);

    assertRejected(decoded, DecodeFailure.OVERSIZED);
    assertThat(((Decoded.Rejected) decoded).detail()).contains("65537 bytes");
  }

  @Test
  void rejectsNestingDeeperThanTheLimitAsOversized() {
    String deep = "[".repeat(ResponseEventDecoder.MAX_NESTING_DEPTH) + "]".repeat(ResponseEventDecoder.MAX_NESTING_DEPTH);

    Decoded decoded = decoder.decode(bytes("{\"schema_version\":\"1.0\",\"x\":" + deep + "}"));

    assertRejected(decoded, DecodeFailure.OVERSIZED);
  }

  @Test
  void rejectsAStringLongerThanTheLimitAsOversized() {
    String longText = "a".repeat(ResponseEventDecoder.MAX_STRING_LENGTH + 1);

    Decoded decoded = decoder.decode(edited(json -> json.put(EventFields.PROVIDER_ERROR_MESSAGE, longText)));

    assertRejected(decoded, DecodeFailure.OVERSIZED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{", "{\"schema_version\":", "{\"a\" 1}", "nope", "{} {}", "{}]"})
  void rejectsMalformedJson(String text) {
    assertRejected(decoder.decode(bytes(text)), DecodeFailure.MALFORMED_JSON);
  }

  @Test
  void rejectsATombstoneAsMalformed() {
    assertRejected(decoder.decode((byte[]) null), DecodeFailure.MALFORMED_JSON);
    assertRejected(decoder.decode((ByteBuffer) null), DecodeFailure.MALFORMED_JSON);
  }

  /**
   * Kafka hands a value over as a view of its fetch response, between other records: read in place, it
   * decodes as a copy of it does, and the view is left as it was. Rejections are compared by reason: Jackson
   * words an oversized string's length after the buffers it has recycled, which differ from call to call.
   */
  @Test
  void decodesAValueInPlaceAsItDecodesACopyOfIt() {
    HostileRecords hostile = new HostileRecords(new Random(11));
    byte[] neighbour = ResponseEventEncoder.encode(SampleEvents.retrieveTransaction(404).build());
    for (int i = 0; i < 5_000; i++) {
      byte[] value = i % 2 == 0 ? ResponseEventEncoder.encode(hostile.validEvent()) : hostile.next().value();
      if (value == null) {
        continue;
      }
      byte[] response = new byte[neighbour.length + value.length + neighbour.length];
      System.arraycopy(neighbour, 0, response, 0, neighbour.length);
      System.arraycopy(value, 0, response, neighbour.length, value.length);
      System.arraycopy(neighbour, 0, response, neighbour.length + value.length, neighbour.length);
      ByteBuffer view = ByteBuffer.wrap(response, neighbour.length, value.length).slice();

      assertThat(comparable(decoder.decode(view))).as("record %d", i).isEqualTo(comparable(decoder.decode(value)));
      assertThat(view.position()).isZero();
      assertThat(view.remaining()).isEqualTo(value.length);
    }
  }

  /** A buffer without an accessible array, read-only or off the heap, is read from a copy. */
  @Test
  void decodesAValueWithoutAnAccessibleArray() {
    ResponseEvent event = SampleEvents.retrieveTransaction(404).build();
    byte[] value = ResponseEventEncoder.encode(event);
    ByteBuffer direct = ByteBuffer.allocateDirect(value.length).put(value).flip();

    assertThat(decoder.decode(ByteBuffer.wrap(value).asReadOnlyBuffer())).isEqualTo(new Decoded.Accepted(event));
    assertThat(decoder.decode(direct)).isEqualTo(new Decoded.Accepted(event));
    assertThat(direct.remaining()).isEqualTo(value.length);
  }

  @Test
  void rejectsInvalidUtf8InAFieldItReadsAsMalformed() {
    byte[] record = edited(json -> json.put(EventFields.SERVICE_NAME, "pay~~ments"));
    String text = new String(record, StandardCharsets.UTF_8);
    int at = text.indexOf("~~");
    record[at] = (byte) 0xFF;
    record[at + 1] = (byte) 0xC3;

    assertRejected(decoder.decode(record), DecodeFailure.MALFORMED_JSON);
  }

  @Test
  void rejectsADuplicateKnownKeyAsMalformed() {
    String json = ResponseEventEncoder.toJson(SampleEvents.retrieveTransaction(404).build());
    String twice = json.substring(0, json.length() - 1) + ",\"http.response.status_code\":200}";

    Decoded decoded = decoder.decode(bytes(twice));

    assertRejected(decoded, DecodeFailure.MALFORMED_JSON);
    assertThat(((Decoded.Rejected) decoded).detail()).isEqualTo("duplicate key http.response.status_code");
  }

  @Test
  void keepsTokensOfTheRecordOutOfTheDetail() {
    Decoded decoded = decoder.decode(bytes("{\"schema_version\":\"1.0\",\"token\":Bearer-s3cr3t}"));

    assertRejected(decoded, DecodeFailure.MALFORMED_JSON);
    assertThat(((Decoded.Rejected) decoded).detail()).doesNotContain("s3cr3t");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"text\"", "42", "null", "true"})
  void rejectsNotAnObject(String text) {
    assertRejected(decoder.decode(bytes(text)), DecodeFailure.NOT_AN_OBJECT);
  }

  @Test
  void rejectsMissingSchemaVersion() {
    assertRejected(decoder.decode(edited(json -> json.remove(EventFields.SCHEMA_VERSION))),
        DecodeFailure.MISSING_SCHEMA_VERSION);
  }

  @Test
  void rejectsUnknownMajorVersion() {
    Decoded decoded = decoder.decode(edited(json -> json.put(EventFields.SCHEMA_VERSION, "2.0")));

    assertThat(decoded).isEqualTo(
        new Decoded.Rejected(DecodeFailure.UNKNOWN_MAJOR_VERSION, "schema_version 2.0: this analyzer reads 1.x"));
  }

  @Test
  void checksTheVersionBeforeAnyOtherField() {
    Decoded decoded = decoder.decode(edited(json -> {
      json.remove(EventFields.SCHEMA_VERSION);
      json.put(EventFields.SERVER_PORT, "not a number in version 2");
      json.put(EventFields.SCHEMA_VERSION, "2.3");
    }));

    assertRejected(decoded, DecodeFailure.UNKNOWN_MAJOR_VERSION);
  }

  @Test
  void rejectsMissingField() {
    Decoded decoded = decoder.decode(edited(json -> json.remove(EventFields.SERVICE_NAME)));

    assertThat(decoded).isEqualTo(new Decoded.Rejected(DecodeFailure.MISSING_FIELD, "service.name is missing"));
  }

  @Test
  void rejectsWrongType() {
    Decoded decoded = decoder.decode(edited(json -> json.put(EventFields.SERVER_PORT, "8443")));

    assertThat(decoded).isEqualTo(
        new Decoded.Rejected(DecodeFailure.WRONG_TYPE, "server.port must be an integer, got a string"));
  }

  @Test
  void rejectsAFractionWhereAnIntegerBelongs() {
    assertRejected(decoder.decode(edited(json -> json.put(EventFields.HTTP_RESPONSE_STATUS_CODE, 404.5))),
        DecodeFailure.WRONG_TYPE);
  }

  @Test
  void rejectsQueryNamesThatAreNotStrings() {
    assertRejected(decoder.decode(edited(json -> json.putArray(EventFields.URL_QUERY_NAMES).add(1))),
        DecodeFailure.WRONG_TYPE);
  }

  static Stream<Consumer<ObjectNode>> invalidValues() {
    return Stream.of(
        json -> json.put(EventFields.HTTP_RESPONSE_STATUS_CODE, 1000),
        json -> json.put(EventFields.SERVER_PORT, 70_000),
        json -> json.put(EventFields.DURATION_US, -1),
        json -> json.put(EventFields.TIME_UNIX_MS, new BigInteger("99999999999999999999")),
        json -> json.put(EventFields.SAMPLE_WEIGHT, 0.5),
        json -> json.put(EventFields.SERVICE_NAME, ""),
        json -> json.put(EventFields.URL_TEMPLATE, "/" + "x".repeat(1024)),
        json -> json.put(EventFields.SCHEMA_VERSION, "one"),
        json -> {
          ArrayNode names = json.putArray(EventFields.URL_QUERY_NAMES);
          for (int i = 0; i < 33; i++) {
            names.add("name" + i);
          }
        });
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsInvalidValue(Consumer<ObjectNode> edit) {
    assertRejected(decoder.decode(edited(edit)), DecodeFailure.INVALID_VALUE);
  }

  @Test
  void neverThrowsOnRandomOrMangledBytes() {
    Random random = new Random(20_261_126L);
    byte[] valid = ResponseEventEncoder.encode(SampleEvents.createTransaction(409).build());

    for (int i = 0; i < 4_000; i++) {
      byte[] input = i % 2 == 0 ? randomBytes(random) : mangled(valid, random);
      Decoded decoded = decoder.decode(input);
      assertThat(decoded).isNotNull();
      if (decoded instanceof Decoded.Rejected rejected) {
        assertThat(rejected.detail()).isNotBlank().hasSizeLessThanOrEqualTo(160);
      }
    }
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(300)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] mangled(byte[] valid, Random random) {
    byte[] copy = Arrays.copyOf(valid, 1 + random.nextInt(valid.length));
    for (int flips = random.nextInt(4); flips > 0; flips--) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  @Test
  void rejectsEachHostileRecordForTheReasonItWasMadeWith() {
    HostileRecords hostile = new HostileRecords(new Random(7));

    for (int i = 0; i < 20_000; i++) {
      HostileRecords.Record record = hostile.next();
      Decoded decoded = decoder.decode(record.value());

      assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class,
          rejected -> assertThat(rejected.reason()).as(rejected.detail()).isEqualTo(record.reason()));
      assertThat(decoder.decode(ResponseEventEncoder.encode(hostile.validEvent())))
          .isInstanceOf(Decoded.Accepted.class);
    }
  }

  private static void assertRejected(Decoded decoded, DecodeFailure reason) {
    assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
    assertThat(((Decoded.Rejected) decoded).reason()).as("reason of %s", decoded).isEqualTo(reason);
  }

  private static byte[] edited(Consumer<ObjectNode> edit) {
    try {
      byte[] encoded = ResponseEventEncoder.encode(SampleEvents.retrieveTransaction(404).build());
      ObjectNode json = (ObjectNode) JSON.readTree(encoded);
      edit.accept(json);
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Object comparable(Decoded decoded) {
    return decoded instanceof Decoded.Rejected rejected ? rejected.reason() : decoded;
  }
}

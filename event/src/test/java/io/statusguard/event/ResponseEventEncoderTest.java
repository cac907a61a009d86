package io.statusguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseEventEncoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ResponseEvent.Builder retrieveTransaction404() {
    return ResponseEvent.builder()
        .timeUnixMs(1_790_000_000_123L)
        .serviceName("payments")
        .instanceId("host-1:4242")
        .egressGroup("203.0.113.7")
        .clientLibrary("jdk-httpclient")
        .method("GET")
        .scheme("https")
        .host("api.provider.test")
        .port(8443)
        .endpointTemplate("/v1/clients/{ClientID}/transactions/{TransactionID}")
        .operation("RetrieveTransaction")
        .status(404)
        .durationMicros(12_345)
        .contentType("application/json")
        .errorMessage("Transaction \"not\" found\n");
  }

  @Test
  void aReusableEncoderWritesWhatEncodeWritesEventAfterEvent() {
    ResponseEventEncoder.Reusable encoder = ResponseEventEncoder.reusable();
    List<ResponseEvent> events = List.of(
        retrieveTransaction404().build(),
        // Longer than the buffer the encoder starts with: it grows, and the next event is short again.
        retrieveTransaction404().errorMessage("x".repeat(1000)).build(),
        retrieveTransaction404().status(200).errorMessage(null).contentType(null).operation(null).build(),
        retrieveTransaction404().timeUnixMs(0).durationMicros(0).build());

    for (int round = 0; round < 2; round++) {
      for (ResponseEvent event : events) {
        assertThat(encoder.encode(event)).isEqualTo(ResponseEventEncoder.encode(event));
      }
    }
  }

  @Test
  void writesEveryRequiredFieldOfTheSchema() throws Exception {
    JsonNode written = JSON.readTree(ResponseEventEncoder.encode(retrieveTransaction404().build()));

    for (String required : requiredFieldsOfSchema()) {
      assertThat(written.has(required)).as("required field %s", required).isTrue();
    }
    assertThat(written.get(EventFields.SCHEMA_VERSION).asText()).isEqualTo("1.1");
    assertThat(written.get(EventFields.HTTP_RESPONSE_STATUS_CODE).asInt()).isEqualTo(404);
    assertThat(written.get(EventFields.SERVER_PORT).asInt()).isEqualTo(8443);
    assertThat(written.get(EventFields.TIME_UNIX_MS).asLong()).isEqualTo(1_790_000_000_123L);
  }

  /** An event with every optional field set. */
  static ResponseEvent everyField() {
    return retrieveTransaction404()
        .queryNames(List.of("referenceID"))
        .status(0)
        .errorType(ErrorType.TIMEOUT)
        .sampleWeight(2.5)
        .providerStatus(404)
        .providerErrorCode("3C463000")
        .bodyFormat(BodyFormat.JSON)
        .resource("TransactionID", "A0oH0E4EiWloxnwr75liQg")
        .providerClientId("B1pI1F5FjXmpyoxs86mjRh")
        .build();
  }

  @Test
  void writesOnlyKeysTheSchemaDocuments() throws Exception {
    ResponseEvent full = everyField();
    JsonNode written = JSON.readTree(ResponseEventEncoder.encode(full));
    JsonNode properties = schema().get("properties");

    written.fieldNames().forEachRemaining(
        name -> assertThat(properties.has(name)).as("documented key %s", name).isTrue());
    assertThat(written.get(EventFields.ERROR_TYPE).asText()).isEqualTo("timeout");
    assertThat(written.get(EventFields.URL_QUERY_NAMES).get(0).asText()).isEqualTo("referenceID");
    assertThat(written.get(EventFields.SAMPLE_WEIGHT).asDouble()).isEqualTo(2.5);
  }

  @Test
  void escapesStringsSoThatAnyValueRoundTrips() throws Exception {
    String hostile = "quote\" backslash\\ newline\n tab\t control\u0001 unicode\u00e9\u2028";
    ResponseEvent event = retrieveTransaction404().errorMessage(hostile).build();

    JsonNode written = JSON.readTree(ResponseEventEncoder.encode(event));

    assertThat(written.get(EventFields.PROVIDER_ERROR_MESSAGE).asText()).isEqualTo(hostile);
  }

  /**
   * Strings written lately are copied from their remembered JSON form: values whose hashes meet (the
   * four below share one) must each still be written as themselves, however often they alternate.
   */
  @Test
  void writesEveryRepeatedValueAsItselfEvenWhenTheirHashesMeet() throws Exception {
    String[] sameHash = {"AaAa", "AaBB", "BBAa", "BBBB"};
    String hostile = "quote\" backslash\\ newline\n \u00e9\u2028 \ud83d\udcb3";
    String[] values = {sameHash[0], sameHash[1], hostile, sameHash[2], sameHash[0], sameHash[3], hostile,
        "x".repeat(QuotedStrings.MAX_LENGTH), "x".repeat(QuotedStrings.MAX_LENGTH + 1), sameHash[1]};
    for (int round = 0; round < 3; round++) {
      for (String value : values) {
        ResponseEvent event = retrieveTransaction404().host(value).errorMessage(new String(value)).build();

        JsonNode written = JSON.readTree(ResponseEventEncoder.encode(event));

        assertThat(written.get(EventFields.SERVER_ADDRESS).asText()).isEqualTo(value);
        assertThat(written.get(EventFields.PROVIDER_ERROR_MESSAGE).asText()).isEqualTo(value);
      }
    }
  }

  /** Plain ASCII takes the writer's fast path, other characters its slow one; both must grow its buffer. */
  @Test
  void writesLongValuesOfEveryUtf8LengthPastItsFirstBuffer() throws Exception {
    for (String message : new String[] {"Transaction Limit exceeded; ".repeat(30),
        "two \u00e9 three \u20ac four \ud83d\udcb3 ".repeat(40)}) {
      ResponseEvent event = retrieveTransaction404().errorMessage(message).build();

      byte[] encoded = ResponseEventEncoder.encode(event);

      assertThat(encoded.length).isGreaterThan(1024);
      assertThat(JSON.readTree(encoded).get(EventFields.PROVIDER_ERROR_MESSAGE).asText()).isEqualTo(message);
      assertThat(ResponseEventEncoder.toJson(event).getBytes(StandardCharsets.UTF_8)).isEqualTo(encoded);
    }
  }

  @Test
  void writesALoneSurrogateAsAQuestionMark() throws Exception {
    ResponseEvent event = retrieveTransaction404().errorMessage("high \ud83d low \udcb3 end").build();

    JsonNode written = JSON.readTree(ResponseEventEncoder.encode(event));

    assertThat(written.get(EventFields.PROVIDER_ERROR_MESSAGE).asText()).isEqualTo("high ? low ? end");
  }

  @Test
  void writesExtremeNumbers() throws Exception {
    ResponseEvent event = retrieveTransaction404().timeUnixMs(Long.MAX_VALUE).durationMicros(0).build();

    JsonNode written = JSON.readTree(ResponseEventEncoder.encode(event));

    assertThat(written.get(EventFields.TIME_UNIX_MS).asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(written.get(EventFields.DURATION_US).asLong()).isZero();
  }

  @Test
  void leavesOutAbsentOptionalFields() throws Exception {
    ResponseEvent minimal = retrieveTransaction404().operation(null).contentType(null).errorMessage(null).build();

    JsonNode written = JSON.readTree(ResponseEventEncoder.encode(minimal));

    assertThat(written.has(EventFields.OPERATION_NAME)).isFalse();
    assertThat(written.has(EventFields.HTTP_RESPONSE_CONTENT_TYPE)).isFalse();
    assertThat(written.has(EventFields.PROVIDER_ERROR_MESSAGE)).isFalse();
    assertThat(written.has(EventFields.ERROR_TYPE)).isFalse();
    assertThat(written.has(EventFields.URL_QUERY_NAMES)).isFalse();
  }

  @Test
  void writesSchemaOneZeroFieldsInTheSameBytesAsBefore() {
    ResponseEvent full = retrieveTransaction404()
        .queryNames(List.of("a", "b"))
        .status(0)
        .errorType(ErrorType.TIMEOUT)
        .errorMessage("q\"\u2028")
        .sampleWeight(2.5)
        .build();
    ResponseEvent minimal = ResponseEvent.builder().timeUnixMs(1).serviceName("s").instanceId("i")
        .egressGroup("e").clientLibrary("c").method("GET").scheme("http").host("h").port(80)
        .endpointTemplate("/").status(200).durationMicros(1).build();

    assertThat(ResponseEventEncoder.toJson(full)).isEqualTo(
        "{\"schema_version\":\"1.1\",\"event.type\":\"http.response\",\"time_unix_ms\":179000000012" 
        + "3,\"service.name\":\"payments\",\"service.instance.id\":\"host-1:4242\",\"egress.group\":\"" 
        + "203.0.113.7\",\"client.library\":\"jdk-httpclient\",\"http.request.method\":\"GET\",\"url." 
        + "scheme\":\"https\",\"server.address\":\"api.provider.test\",\"server.port\":8443,\"url.tem" 
        + "plate\":\"/v1/clients/{ClientID}/transactions/{TransactionID}\",\"operation.name\":\"R" 
        + "etrieveTransaction\",\"url.query.names\":[\"a\",\"b\"],\"http.response.status_code\":0,\"e" 
        + "rror.type\":\"timeout\",\"duration_us\":12345,\"http.response.content_type\":\"applicati" 
        + "on/json\",\"provider.error_message\":\"q\\\"\\u2028\",\"sample.weight\":2.5}");
    assertThat(ResponseEventEncoder.toJson(minimal)).isEqualTo(
        "{\"schema_version\":\"1.1\",\"event.type\":\"http.response\",\"time_unix_ms\":1,\"service.n" 
        + "ame\":\"s\",\"service.instance.id\":\"i\",\"egress.group\":\"e\",\"client.library\":\"c\",\"http" 
        + ".request.method\":\"GET\",\"url.scheme\":\"http\",\"server.address\":\"h\",\"server.port\":80" 
        + ",\"url.template\":\"/\",\"http.response.status_code\":200,\"duration_us\":1,\"sample.weig" 
        + "ht\":1}");
  }

  @Test
  void writesTheProviderDetailsOfSchemaOneOne() throws Exception {
    ResponseEvent event = retrieveTransaction404()
        .providerStatus(404)
        .providerErrorCode("3C463000")
        .bodyFormat(BodyFormat.XML)
        .resource("ReferenceID", "order-17")
        .providerClientId("B1pI1F5FjXmpyoxs86mjRh")
        .build();

    JsonNode written = JSON.readTree(ResponseEventEncoder.encode(event));

    assertThat(written.get(EventFields.PROVIDER_STATUS_CODE).asInt()).isEqualTo(404);
    assertThat(written.get(EventFields.PROVIDER_ERROR_CODE).asText()).isEqualTo("3C463000");
    assertThat(written.get(EventFields.PROVIDER_BODY_FORMAT).asText()).isEqualTo("xml");
    assertThat(written.get(EventFields.PROVIDER_RESOURCE_TYPE).asText()).isEqualTo("ReferenceID");
    assertThat(written.get(EventFields.PROVIDER_RESOURCE_ID).asText()).isEqualTo("order-17");
    assertThat(written.get(EventFields.PROVIDER_CLIENT_ID).asText()).isEqualTo("B1pI1F5FjXmpyoxs86mjRh");
    assertThat(event.toBuilder().build()).isEqualTo(event);
  }

  @Test
  void rejectsAResourceIdWithoutItsType() {
    assertThatThrownBy(() -> retrieveTransaction404().resource(null, "A0oH0E4EiWloxnwr75liQg").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resource");
  }

  @Test
  void rejectsAnEventWithoutAnEndpoint() {
    assertThatThrownBy(() -> retrieveTransaction404().endpointTemplate("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpointTemplate");
  }

  @Test
  void rejectsAStatusOutOfRange() {
    assertThatThrownBy(() -> retrieveTransaction404().status(1000).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }

  private static JsonNode schema() throws Exception {
    try (InputStream in = ResponseEvent.class.getResourceAsStream("response-event-v1.schema.json")) {
      return JSON.readTree(in);
    }
  }

  private static List<String> requiredFieldsOfSchema() throws Exception {
    List<String> required = new ArrayList<>();
    schema().get("required").forEach(node -> required.add(node.asText()));
    return required;
  }
}

package io.statusguard.analyzer.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.statusguard.event.BodyFormat;
import io.statusguard.event.ErrorType;
import io.statusguard.event.EventFields;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.SchemaVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one Kafka record value as a {@link ResponseEvent} of schema version 1.x, within hard limits on
 * size, nesting and string length. It never throws: whatever the bytes, the answer is a {@link Decoded}.
 * A record exactly as the agent's encoder writes it is read by {@link EncodedEventScanner} in one pass;
 * anything else, and so every rejection, by Jackson's streaming parser into one slot per field. Both hand
 * out one shared instance per short string value seen recently ({@link CanonicalStrings}). Thread-safe.
 */
public final class ResponseEventDecoder {
  /** Records larger than this are rejected before any parsing. */
  public static final int MAX_RECORD_BYTES = 64 * 1024;

  static final int MAX_NESTING_DEPTH = 16;
  static final int MAX_STRING_LENGTH = 16 * 1024;

  private static final int MAX_DETAIL_LENGTH = 160;
  private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9._-]{1,64}");
  // Parser messages may quote a token from the record; the detail keeps the message and JSON's own
  // literals, but not the token.
  private static final Pattern QUOTED = Pattern.compile("'[^']*'");
  private static final Set<String> JSON_LITERALS = Set.of("'null'", "'true'", "'false'");

  private final JsonFactory json;
  private final CanonicalStrings strings = new CanonicalStrings();
  private final EncodedEventScanner scanner = new EncodedEventScanner(strings);

  private ResponseEventDecoder(JsonFactory json) {
    this.json = json;
  }

  public static ResponseEventDecoder create() {
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxStringLength(MAX_STRING_LENGTH)
        .maxNameLength(1024)
        .maxNumberLength(64)
        .maxDocumentLength(MAX_RECORD_BYTES)
        .build();
    JsonFactory json = new JsonFactoryBuilder()
        .streamReadConstraints(limits)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        // Keys come from the network, so they are not interned into the JVM's string table. Name
        // canonicalization stays on: Jackson bounds that table, and turning it off would swap in a
        // reader-based parser that silently replaces invalid UTF-8 instead of rejecting it.
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .build();
    return new ResponseEventDecoder(json);
  }

  /** Decodes one record value; {@code null} (a tombstone) is rejected as malformed. */
  public Decoded decode(byte[] value) {
    Decoded unread = rejectedUnread(value == null ? 0 : value.length);
    if (unread != null) {
      return unread;
    }
    ResponseEvent scanned = scan(value, 0, value.length);
    return scanned != null ? new Decoded.Accepted(scanned) : decodeWithJackson(value);
  }

  /**
   * As {@link #decode(byte[])}, for a value Kafka hands over in place, as a view of its fetch response:
   * an event exactly as the agent writes it is read there, without a copy. Anything else, which Jackson's
   * path reads, is copied first. The buffer's position and limit are left as they were.
   */
  public Decoded decode(ByteBuffer value) {
    Decoded unread = rejectedUnread(value == null ? 0 : value.remaining());
    if (unread != null) {
      return unread;
    }
    if (value.hasArray()) {
      ResponseEvent scanned = scan(value.array(), value.arrayOffset() + value.position(), value.remaining());
      if (scanned != null) {
        return new Decoded.Accepted(scanned);
      }
    }
    return decodeWithJackson(RecordValue.copyOf(value));
  }

  /** The rejection of a value of {@code length} bytes before any parsing, or null if it is to be read. */
  private static Decoded rejectedUnread(int length) {
    if (length == 0) {
      return new Decoded.Rejected(DecodeFailure.MALFORMED_JSON, "record has no value");
    }
    if (length > MAX_RECORD_BYTES) {
      return new Decoded.Rejected(DecodeFailure.OVERSIZED,
          "record of " + length + " bytes exceeds the limit of " + MAX_RECORD_BYTES);
    }
    return null;
  }

  private Decoded decodeWithJackson(byte[] value) {
    try {
      return interpret(read(value));
    } catch (Rejection rejection) {
      return rejection.toDecoded();
    } catch (StreamConstraintsException e) {
      return new Decoded.Rejected(DecodeFailure.OVERSIZED, detail(e));
    } catch (JsonProcessingException e) {
      return new Decoded.Rejected(DecodeFailure.MALFORMED_JSON, detail(e));
    } catch (IOException | RuntimeException e) {
      return new Decoded.Rejected(DecodeFailure.MALFORMED_JSON, "unreadable record: " + e.getClass().getSimpleName());
    }
  }

  private ResponseEvent scan(byte[] bytes, int offset, int length) {
    try {
      return scanner.scan(bytes, offset, length);
    } catch (RuntimeException e) {
      // A flaw in the fast path must not cost the record: Jackson's path decides.
      return null;
    }
  }

  private EventObject read(byte[] value) throws IOException, Rejection {
    try (JsonParser parser = json.createParser(value)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new Rejection(DecodeFailure.MALFORMED_JSON, "record holds no JSON value");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new Rejection(DecodeFailure.NOT_AN_OBJECT, "the record's JSON value is " + describe(first));
      }
      EventObject object = EventObject.read(parser, strings);
      if (parser.nextToken() != null) {
        throw new Rejection(DecodeFailure.MALFORMED_JSON, "content follows the event object");
      }
      return object;
    }
  }

  private static Decoded interpret(EventObject object) throws Rejection {
    checkSchemaVersion(object);
    String eventType = object.requiredText(EventField.EVENT_TYPE, 64);
    if (!eventType.equals(EventFields.TYPE_HTTP_RESPONSE)) {
      if (!EVENT_TYPE.matcher(eventType).matches()) {
        throw new Rejection(DecodeFailure.INVALID_VALUE, EventFields.EVENT_TYPE + " must match " + EVENT_TYPE);
      }
      return new Decoded.Skipped(eventType);
    }
    return new Decoded.Accepted(toEvent(object));
  }

  private static void checkSchemaVersion(EventObject object) throws Rejection {
    if (!object.has(EventField.SCHEMA_VERSION)) {
      throw new Rejection(DecodeFailure.MISSING_SCHEMA_VERSION, EventFields.SCHEMA_VERSION + " is missing");
    }
    String version = object.requiredText(EventField.SCHEMA_VERSION, 16);
    // The version this build writes, which nearly every record carries, needs no parsing.
    int major = version.equals(SchemaVersion.CURRENT) ? SchemaVersion.MAJOR : SchemaVersion.majorOf(version);
    if (major < 0) {
      throw new Rejection(DecodeFailure.INVALID_VALUE, EventFields.SCHEMA_VERSION + " is not of the form MAJOR.MINOR");
    }
    if (major != SchemaVersion.MAJOR) {
      // majorOf accepted it, so the version is digits and one dot: safe to repeat.
      throw new Rejection(DecodeFailure.UNKNOWN_MAJOR_VERSION, EventFields.SCHEMA_VERSION + " " + version
          + ": this analyzer reads " + SchemaVersion.MAJOR + ".x");
    }
  }

  private static ResponseEvent toEvent(EventObject object) throws Rejection {
    ResponseEvent.Builder event = ResponseEvent.builder()
        .timeUnixMs(object.requiredInteger(EventField.TIME_UNIX_MS, 0, Long.MAX_VALUE))
        .serviceName(object.requiredText(EventField.SERVICE_NAME, 256))
        .instanceId(object.requiredText(EventField.SERVICE_INSTANCE_ID, 256))
        .egressGroup(object.requiredText(EventField.EGRESS_GROUP, 256))
        .clientLibrary(object.requiredText(EventField.CLIENT_LIBRARY, 64))
        .method(object.requiredText(EventField.HTTP_REQUEST_METHOD, 32))
        .scheme(object.requiredText(EventField.URL_SCHEME, 16))
        .host(object.requiredText(EventField.SERVER_ADDRESS, 256))
        .port((int) object.requiredInteger(EventField.SERVER_PORT, 0, 65_535))
        .endpointTemplate(object.requiredText(EventField.URL_TEMPLATE, 1024))
        .operation(object.optionalText(EventField.OPERATION_NAME, 128))
        .queryNames(object.optionalTextList(EventField.URL_QUERY_NAMES))
        .status((int) object.requiredInteger(EventField.HTTP_RESPONSE_STATUS_CODE, 0, 999))
        .durationMicros(object.requiredInteger(EventField.DURATION_US, 0, Long.MAX_VALUE))
        .contentType(object.optionalText(EventField.HTTP_RESPONSE_CONTENT_TYPE, 256))
        .errorMessage(object.optionalText(EventField.PROVIDER_ERROR_MESSAGE, 1024))
        .sampleWeight(object.optionalNumber(EventField.SAMPLE_WEIGHT, 1.0))
        .providerStatus((int) object.optionalInteger(EventField.PROVIDER_STATUS_CODE, 1, 999))
        .providerErrorCode(object.optionalText(EventField.PROVIDER_ERROR_CODE, 64))
        .resource(object.optionalText(EventField.PROVIDER_RESOURCE_TYPE, 64),
            object.optionalText(EventField.PROVIDER_RESOURCE_ID, 128))
        .providerClientId(object.optionalText(EventField.PROVIDER_CLIENT_ID, 128));
    String errorType = object.optionalText(EventField.ERROR_TYPE, 64);
    if (errorType != null) {
      // A newer minor version may name an error type this one does not know: it reads as _OTHER.
      event.errorType(ErrorType.fromWireName(errorType));
    }
    String bodyFormat = object.optionalText(EventField.PROVIDER_BODY_FORMAT, 16);
    if (bodyFormat != null) {
      event.bodyFormat(BodyFormat.fromWireName(bodyFormat));
    }
    try {
      return event.build();
    } catch (IllegalArgumentException e) {
      throw new Rejection(DecodeFailure.INVALID_VALUE, bounded(String.valueOf(e.getMessage())));
    }
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.name();
    }
  }

  private static String detail(JsonProcessingException e) {
    String message = QUOTED.matcher(String.valueOf(e.getOriginalMessage()))
        .replaceAll(quoted -> JSON_LITERALS.contains(quoted.group()) ? quoted.group() : "'…'");
    long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
    return bounded(offset < 0 ? message : message + " (at byte " + offset + ")");
  }

  private static String bounded(String detail) {
    String line = detail.replace('\n', ' ').replace('\r', ' ');
    return line.length() <= MAX_DETAIL_LENGTH ? line : line.substring(0, MAX_DETAIL_LENGTH - 1) + "…";
  }
}

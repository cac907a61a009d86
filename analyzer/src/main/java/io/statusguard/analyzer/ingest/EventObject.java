package io.statusguard.analyzer.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.statusguard.event.EventFields;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one event object that schema version 1 names, read from JSON before any of them is
 * interpreted, so that the schema version is checked first wherever it appears. Unknown keys are
 * skipped: minor versions add fields. Not thread-safe; lives for one record.
 */
final class EventObject {
  private static final Set<String> KNOWN_KEYS = Set.of(
      EventFields.SCHEMA_VERSION, EventFields.EVENT_TYPE, EventFields.TIME_UNIX_MS,
      EventFields.SERVICE_NAME, EventFields.SERVICE_INSTANCE_ID, EventFields.EGRESS_GROUP,
      EventFields.CLIENT_LIBRARY, EventFields.HTTP_REQUEST_METHOD, EventFields.URL_SCHEME,
      EventFields.SERVER_ADDRESS, EventFields.SERVER_PORT, EventFields.URL_TEMPLATE,
      EventFields.OPERATION_NAME, EventFields.URL_QUERY_NAMES, EventFields.HTTP_RESPONSE_STATUS_CODE,
      EventFields.ERROR_TYPE, EventFields.DURATION_US, EventFields.HTTP_RESPONSE_CONTENT_TYPE,
      EventFields.PROVIDER_ERROR_MESSAGE, EventFields.SAMPLE_WEIGHT);

  /** Arrays and objects are kept as shapes only, apart from the one array the schema defines. */
  private enum Shape {
    NULL("null"), OBJECT("an object"), ARRAY("an array");

    final String description;

    Shape(String description) {
      this.description = description;
    }
  }

  private static final int MAX_QUERY_NAMES = 32;
  private static final int MAX_QUERY_NAME_LENGTH = 128;

  private final Map<String, Object> values = new HashMap<>();

  private EventObject() {}

  /** Reads one object whose START_OBJECT token the parser has just returned. */
  static EventObject read(JsonParser parser) throws IOException, Rejection {
    EventObject object = new EventObject();
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      if (!KNOWN_KEYS.contains(key)) {
        parser.skipChildren();
        continue;
      }
      Object value = key.equals(EventFields.URL_QUERY_NAMES) && token == JsonToken.START_ARRAY
          ? readStringArray(parser)
          : readValue(parser, token);
      if (object.values.put(key, value) != null) {
        throw new Rejection(DecodeFailure.MALFORMED_JSON, "duplicate key " + key);
      }
    }
    return object;
  }

  boolean has(String key) {
    return values.containsKey(key) && values.get(key) != Shape.NULL;
  }

  /** Returns a required string of 1 to {@code maxLength} characters. */
  String requiredText(String key, int maxLength) throws Rejection {
    Object value = required(key);
    return checkedText(key, value, maxLength);
  }

  /** Returns an optional string of at most {@code maxLength} characters; absent and null mean null. */
  String optionalText(String key, int maxLength) throws Rejection {
    return has(key) ? checkedText(key, values.get(key), maxLength) : null;
  }

  /** Returns a required integer between {@code min} and {@code max}. */
  long requiredInteger(String key, long min, long max) throws Rejection {
    Object value = required(key);
    if (value instanceof BigInteger) {
      throw new Rejection(DecodeFailure.INVALID_VALUE, key + " is out of range");
    }
    if (!(value instanceof Long number)) {
      throw wrongType(key, "an integer", value);
    }
    if (number < min || number > max) {
      throw new Rejection(DecodeFailure.INVALID_VALUE,
          key + " must be between " + min + " and " + max + ", got " + number);
    }
    return number;
  }

  /** Returns an optional number, or {@code absent} when the key is missing or null. */
  double optionalNumber(String key, double absent) throws Rejection {
    if (!has(key)) {
      return absent;
    }
    Object value = values.get(key);
    if (value instanceof Long number) {
      return number;
    }
    if (value instanceof Double number) {
      return number;
    }
    if (value instanceof BigInteger number) {
      return number.doubleValue();
    }
    throw wrongType(key, "a number", value);
  }

  /** Returns the optional array of strings, each at most 128 characters, at most 32 of them. */
  List<String> optionalTextList(String key) throws Rejection {
    if (!has(key)) {
      return List.of();
    }
    Object value = values.get(key);
    if (!(value instanceof QueryNames names)) {
      throw wrongType(key, "an array of strings", value);
    }
    if (names.count() > MAX_QUERY_NAMES) {
      throw new Rejection(DecodeFailure.INVALID_VALUE,
          key + " holds " + names.count() + " items, more than " + MAX_QUERY_NAMES);
    }
    List<String> texts = new ArrayList<>(names.items().size());
    for (Object item : names.items()) {
      texts.add(checkedText(key + " item", item, MAX_QUERY_NAME_LENGTH));
    }
    return texts;
  }

  private Object required(String key) throws Rejection {
    Object value = values.get(key);
    if (value == null) {
      throw new Rejection(DecodeFailure.MISSING_FIELD, key + " is missing");
    }
    return value;
  }

  private static String checkedText(String key, Object value, int maxLength) throws Rejection {
    if (!(value instanceof String text)) {
      throw wrongType(key, "a string", value);
    }
    if (text.isEmpty() || text.length() > maxLength) {
      throw new Rejection(DecodeFailure.INVALID_VALUE,
          key + " must hold 1 to " + maxLength + " characters, got " + text.length());
    }
    return text;
  }

  private static Rejection wrongType(String key, String expected, Object actual) {
    return new Rejection(DecodeFailure.WRONG_TYPE, key + " must be " + expected + ", got " + describe(actual));
  }

  private static String describe(Object value) {
    if (value instanceof Shape shape) {
      return shape.description;
    }
    if (value instanceof QueryNames) {
      return Shape.ARRAY.description;
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Double) {
      return "a fraction";
    }
    return "an integer";
  }

  private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue()
            : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case START_OBJECT:
        parser.skipChildren();
        return Shape.OBJECT;
      case START_ARRAY:
        parser.skipChildren();
        return Shape.ARRAY;
      default:
        return Shape.NULL;
    }
  }

  private static QueryNames readStringArray(JsonParser parser) throws IOException {
    List<Object> items = new ArrayList<>();
    int count = 0;
    for (JsonToken token = parser.nextToken();
        token != null && token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      Object item = readValue(parser, token);
      // Counting on past the limit keeps memory bounded while the detail still says how many there were.
      if (++count <= MAX_QUERY_NAMES) {
        items.add(item);
      }
    }
    return new QueryNames(items, count);
  }

  /** The elements of url.query.names as read, at most 32 of them, and how many the array held. */
  private record QueryNames(List<Object> items, int count) {}
}

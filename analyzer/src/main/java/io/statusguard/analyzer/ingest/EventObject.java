package io.statusguard.analyzer.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one event object that schema version 1 names, read from JSON before any of them is
 * interpreted, so that the schema version is checked first wherever it appears. Unknown keys are
 * skipped: minor versions add fields. Each field has a slot, and integers and fractions stay unboxed
 * beside it. Not thread-safe; lives for one record.
 */
final class EventObject {
  /** What a slot holds when it is not a string, a big integer or the query names. */
  private enum Shape {
    NULL("null"),
    OBJECT("an object"),
    ARRAY("an array"),
    BOOLEAN("a boolean"),
    /** An integer that fits a long, kept in the slot's number. */
    INTEGER("an integer"),
    /** A fraction, kept in the slot's number as its IEEE 754 bits. */
    FRACTION("a fraction");

    final String description;

    Shape(String description) {
      this.description = description;
    }
  }

  private static final int MAX_QUERY_NAMES = 32;
  private static final int MAX_QUERY_NAME_LENGTH = 128;

  private final CanonicalStrings strings;
  /** Per field: null when absent, else a String, a BigInteger, the QueryNames or a Shape. */
  private final Object[] values = new Object[EventField.COUNT];
  private final long[] numbers = new long[EventField.COUNT];

  private EventObject(CanonicalStrings strings) {
    this.strings = strings;
  }

  /** Reads one object whose START_OBJECT token the parser has just returned. */
  static EventObject read(JsonParser parser, CanonicalStrings strings) throws IOException, Rejection {
    EventObject object = new EventObject(strings);
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      EventField field = EventField.ofKey(key);
      if (field == null) {
        parser.skipChildren();
        continue;
      }
      boolean duplicate = object.values[field.ordinal()] != null;
      // The value is read even so: a syntax or size error in it is the weightier reason.
      object.readValue(field, parser, token);
      if (duplicate) {
        throw new Rejection(DecodeFailure.MALFORMED_JSON, "duplicate key " + field.key);
      }
    }
    return object;
  }

  boolean has(EventField field) {
    Object value = values[field.ordinal()];
    return value != null && value != Shape.NULL;
  }

  /** Returns a required string of 1 to {@code maxLength} characters. */
  String requiredText(EventField field, int maxLength) throws Rejection {
    return checkedText(field.key, required(field), maxLength);
  }

  /** Returns an optional string of at most {@code maxLength} characters; absent and null mean null. */
  String optionalText(EventField field, int maxLength) throws Rejection {
    return has(field) ? checkedText(field.key, values[field.ordinal()], maxLength) : null;
  }

  /** Returns a required integer between {@code min} and {@code max}. */
  long requiredInteger(EventField field, long min, long max) throws Rejection {
    Object value = required(field);
    if (value instanceof BigInteger) {
      throw new Rejection(DecodeFailure.INVALID_VALUE, field.key + " is out of range");
    }
    if (value != Shape.INTEGER) {
      throw wrongType(field.key, "an integer", value);
    }
    long number = numbers[field.ordinal()];
    if (number < min || number > max) {
      throw new Rejection(DecodeFailure.INVALID_VALUE,
          field.key + " must be between " + min + " and " + max + ", got " + number);
    }
    return number;
  }

  /** Returns an optional integer between {@code min} and {@code max}, or 0 when the key is missing or null. */
  long optionalInteger(EventField field, long min, long max) throws Rejection {
    return has(field) ? requiredInteger(field, min, max) : 0;
  }

  /** Returns an optional number, or {@code absent} when the key is missing or null. */
  double optionalNumber(EventField field, double absent) throws Rejection {
    if (!has(field)) {
      return absent;
    }
    Object value = values[field.ordinal()];
    if (value == Shape.INTEGER) {
      return numbers[field.ordinal()];
    }
    if (value == Shape.FRACTION) {
      return Double.longBitsToDouble(numbers[field.ordinal()]);
    }
    if (value instanceof BigInteger number) {
      return number.doubleValue();
    }
    throw wrongType(field.key, "a number", value);
  }

  /** Returns the optional array of strings, each at most 128 characters, at most 32 of them. */
  List<String> optionalTextList(EventField field) throws Rejection {
    if (!has(field)) {
      return List.of();
    }
    Object value = values[field.ordinal()];
    if (!(value instanceof QueryNames names)) {
      throw wrongType(field.key, "an array of strings", value);
    }
    if (names.count() > MAX_QUERY_NAMES) {
      throw new Rejection(DecodeFailure.INVALID_VALUE,
          field.key + " holds " + names.count() + " items, more than " + MAX_QUERY_NAMES);
    }
    List<String> texts = new ArrayList<>(names.items().size());
    for (Object item : names.items()) {
      texts.add(checkedText(field.key + " item", item, MAX_QUERY_NAME_LENGTH));
    }
    return texts;
  }

  private Object required(EventField field) throws Rejection {
    Object value = values[field.ordinal()];
    if (value == null) {
      throw new Rejection(DecodeFailure.MISSING_FIELD, field.key + " is missing");
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
    return Shape.INTEGER.description;
  }

  private void readValue(EventField field, JsonParser parser, JsonToken token) throws IOException {
    int slot = field.ordinal();
    switch (token) {
      case VALUE_STRING:
        values[slot] = text(parser);
        break;
      case VALUE_NUMBER_INT:
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          values[slot] = parser.getBigIntegerValue();
        } else {
          numbers[slot] = parser.getLongValue();
          values[slot] = Shape.INTEGER;
        }
        break;
      case VALUE_NUMBER_FLOAT:
        numbers[slot] = Double.doubleToRawLongBits(parser.getDoubleValue());
        values[slot] = Shape.FRACTION;
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        values[slot] = Shape.BOOLEAN;
        break;
      case START_OBJECT:
        parser.skipChildren();
        values[slot] = Shape.OBJECT;
        break;
      case START_ARRAY:
        if (field == EventField.URL_QUERY_NAMES) {
          values[slot] = readQueryNames(parser);
        } else {
          parser.skipChildren();
          values[slot] = Shape.ARRAY;
        }
        break;
      default:
        values[slot] = Shape.NULL;
    }
  }

  private String text(JsonParser parser) throws IOException {
    int length = parser.getTextLength();
    if (length > CanonicalStrings.MAX_LENGTH) {
      // getText applies the parser's limit on string length; shorter strings are far below it.
      return parser.getText();
    }
    return strings.of(parser.getTextCharacters(), parser.getTextOffset(), length);
  }

  private QueryNames readQueryNames(JsonParser parser) throws IOException {
    List<Object> items = new ArrayList<>();
    int count = 0;
    for (JsonToken token = parser.nextToken();
        token != null && token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      Object item = readItem(parser, token);
      // Counting on past the limit keeps memory bounded while the detail still says how many there were.
      if (++count <= MAX_QUERY_NAMES) {
        items.add(item);
      }
    }
    return new QueryNames(items, count);
  }

  /** Reads one query name: a string, or the shape of whatever stands in its place. */
  private Object readItem(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return text(parser);
      case VALUE_NUMBER_INT:
        // Only its type matters: a query name that is a number is rejected whatever its value.
        return Shape.INTEGER;
      case VALUE_NUMBER_FLOAT:
        return Shape.FRACTION;
      case VALUE_TRUE:
      case VALUE_FALSE:
        return Shape.BOOLEAN;
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

  /** The elements of url.query.names as read, at most 32 of them, and how many the array held. */
  private record QueryNames(List<Object> items, int count) {}
}

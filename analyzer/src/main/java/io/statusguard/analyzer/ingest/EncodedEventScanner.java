package io.statusguard.analyzer.ingest;

import io.statusguard.event.BodyFormat;
import io.statusguard.event.ErrorType;
import io.statusguard.event.EventFields;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.SchemaVersion;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads exactly the JSON that {@code ResponseEventEncoder} writes, in one pass over the record's bytes:
 * its key order, no whitespace, its escapes, whole numbers. Anything else (another order, whitespace, an
 * unknown key, a fraction, a value out of its limits, a byte it is unsure of) makes it answer null, and
 * the caller decodes the record with Jackson instead, so that every rejection keeps its reason and
 * detail. What it accepts, Jackson's path accepts too, with an equal event. Thread-safe.
 */
final class EncodedEventScanner {
  // First: the tokens below read their bytes through it.
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;
  /** The version's key and the major this build knows: {@code {"schema_version":"1.}. */
  private static final Token SCHEMA_MAJOR =
      Token.of("{\"" + EventFields.SCHEMA_VERSION + "\":\"" + SchemaVersion.MAJOR + '.');
  private static final Token HTTP_RESPONSE =
      Token.of(",\"" + EventFields.EVENT_TYPE + "\":\"" + EventFields.TYPE_HTTP_RESPONSE + '"');
  private static final Token TIME_UNIX_MS = key(EventFields.TIME_UNIX_MS);
  private static final Token SERVICE_NAME = key(EventFields.SERVICE_NAME);
  private static final Token SERVICE_INSTANCE_ID = key(EventFields.SERVICE_INSTANCE_ID);
  private static final Token EGRESS_GROUP = key(EventFields.EGRESS_GROUP);
  private static final Token CLIENT_LIBRARY = key(EventFields.CLIENT_LIBRARY);
  private static final Token HTTP_REQUEST_METHOD = key(EventFields.HTTP_REQUEST_METHOD);
  private static final Token URL_SCHEME = key(EventFields.URL_SCHEME);
  private static final Token SERVER_ADDRESS = key(EventFields.SERVER_ADDRESS);
  private static final Token SERVER_PORT = key(EventFields.SERVER_PORT);
  private static final Token URL_TEMPLATE = key(EventFields.URL_TEMPLATE);
  private static final Token OPERATION_NAME = key(EventFields.OPERATION_NAME);
  private static final Token URL_QUERY_NAMES = key(EventFields.URL_QUERY_NAMES);
  private static final Token HTTP_RESPONSE_STATUS_CODE = key(EventFields.HTTP_RESPONSE_STATUS_CODE);
  private static final Token ERROR_TYPE = key(EventFields.ERROR_TYPE);
  private static final Token DURATION_US = key(EventFields.DURATION_US);
  private static final Token HTTP_RESPONSE_CONTENT_TYPE = key(EventFields.HTTP_RESPONSE_CONTENT_TYPE);
  private static final Token PROVIDER_ERROR_MESSAGE = key(EventFields.PROVIDER_ERROR_MESSAGE);
  private static final Token SAMPLE_WEIGHT = key(EventFields.SAMPLE_WEIGHT);
  private static final Token PROVIDER_STATUS_CODE = key(EventFields.PROVIDER_STATUS_CODE);
  private static final Token PROVIDER_ERROR_CODE = key(EventFields.PROVIDER_ERROR_CODE);
  private static final Token PROVIDER_BODY_FORMAT = key(EventFields.PROVIDER_BODY_FORMAT);
  private static final Token PROVIDER_RESOURCE_TYPE = key(EventFields.PROVIDER_RESOURCE_TYPE);
  private static final Token PROVIDER_RESOURCE_ID = key(EventFields.PROVIDER_RESOURCE_ID);
  private static final Token PROVIDER_CLIENT_ID = key(EventFields.PROVIDER_CLIENT_ID);
  private static final int MAX_QUERY_NAMES = 32;
  private static final int SHAPE_BITS = 13;
  private static final int MAX_QUERY_NAME_LENGTH = 128;
  private static final ErrorType[] ERROR_TYPES = ErrorType.values();
  private static final BodyFormat[] BODY_FORMATS = BodyFormat.values();
  /** Digits of a minor version that {@code SchemaVersion.majorOf} still reads. */
  private static final int MAX_MINOR_DIGITS = 6;
  /** Whole numbers of up to 18 digits cannot overflow a long. */
  private static final int MAX_DIGITS = 18;
  private static final long[] POWERS_OF_TEN =
      {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private final CanonicalStrings strings;
  private final ParsedSegments<Origin> origins = new ParsedSegments<>();
  private final ParsedSegments<Details> details = new ParsedSegments<>();
  // Events read lately, by the parts that make them: the next event of a known shape is that event at
  // another time and duration. Slots in pairs, the newest first; racy and safe as ParsedSegments' are.
  private final Shape[] shapes = new Shape[1 << SHAPE_BITS];

  EncodedEventScanner(CanonicalStrings strings) {
    this.strings = strings;
  }

  /** The fields from the service's name to the query's names, as one parse of their bytes. */
  private record Origin(long runHash, String serviceName, String instanceId, String egressGroup,
      String clientLibrary, String method, String scheme, String host, int port, String endpointTemplate,
      String operation, List<String> queryNames) {}

  /** An event that was read, with the parts it was made of, compared by identity. */
  private record Shape(Origin origin, Details details, int status, String errorType, ResponseEvent event) {
    boolean is(Origin origin, Details details, int status, String errorType) {
      // The parts come from ParsedSegments and CanonicalStrings: equal parts are mostly the same instances.
      return this.origin == origin && this.details == details && this.status == status
          && this.errorType == errorType;
    }
  }

  /** The fields from the content type to the record's end, as one parse of their bytes. */
  private record Details(long runHash, String contentType, String errorMessage, double sampleWeight,
      int providerStatus, String providerErrorCode, BodyFormat bodyFormat, String resourceType, String resourceId,
      String providerClientId) {}

  /** Returns the event {@code value} holds, or null when it is not exactly what the encoder writes. */
  ResponseEvent scan(byte[] value) {
    return scan(value, 0, value.length);
  }

  /**
   * As {@link #scan(byte[])}, for the record of {@code length} bytes at {@code offset}: read in place, so
   * that a record needs no copy out of the fetch response that holds it. No byte outside the range is read.
   */
  ResponseEvent scan(byte[] bytes, int offset, int length) {
    Cursor in = new Cursor(bytes, offset, offset + length, strings);
    if (!in.skip(SCHEMA_MAJOR) || !in.minorVersion() || !in.skip(HTTP_RESPONSE)) {
      return null;
    }
    // The limits are the Jackson path's (ResponseEventDecoder.toEvent); past one, that path says why.
    long timeUnixMs = in.integer(TIME_UNIX_MS, Long.MAX_VALUE);
    int originFrom = in.position();
    int originTo = in.runTo(HTTP_RESPONSE_STATUS_CODE);
    if (originTo < 0) {
      return null;
    }
    long originHash = in.runHash();
    in.moveTo(originTo);
    int status = (int) in.integer(HTTP_RESPONSE_STATUS_CODE, 999);
    String errorType = in.optionalText(ERROR_TYPE, 64);
    long durationMicros = in.integer(DURATION_US, Long.MAX_VALUE);
    if (in.failed()) {
      return null;
    }
    int detailsFrom = in.position();
    long detailsHash = ParsedSegments.hash(bytes, detailsFrom, in.limit);
    Origin origin = origins.get(bytes, originFrom, originTo, originHash);
    Details details = this.details.get(bytes, detailsFrom, in.limit, detailsHash);
    if (origin != null && details != null) {
      Shape shape = remembered(shapeSlot(origin, details, status, errorType), origin, details, status, errorType);
      if (shape != null) {
        return shape.event.withTiming(timeUnixMs, durationMicros);
      }
    }
    // Only now the parsing of runs not seen lately, which is most of this class's code: the JIT inlines
    // in the order of the bytecode until its budget is spent, and this order spends it on the path above,
    // which nearly every record takes. Each run is parsed by a cursor of its own, so that the one above
    // stays where the JIT can keep it in registers.
    if (origin == null) {
      origin = parseOrigin(bytes, originFrom, originTo, originHash);
    }
    if (details == null) {
      details = parseDetails(bytes, detailsFrom, in.limit, detailsHash);
    }
    if (origin == null || details == null) {
      return null;
    }
    ResponseEvent event = build(timeUnixMs, origin, status, errorType, durationMicros, details);
    if (event != null && details.resourceId == null) {
      int slot = shapeSlot(origin, details, status, errorType);
      shapes[slot + 1] = shapes[slot];
      shapes[slot] = new Shape(origin, details, status, errorType, event);
    }
    return event;
  }

  /** The event of these parts remembered in the pair of slots from {@code slot}, or null. */
  private Shape remembered(int slot, Origin origin, Details details, int status, String errorType) {
    Shape shape = shapes[slot];
    if (shape != null && shape.is(origin, details, status, errorType)) {
      return shape;
    }
    shape = shapes[slot + 1];
    return shape != null && shape.is(origin, details, status, errorType) ? shape : null;
  }

  private static ResponseEvent build(long timeUnixMs, Origin origin, int status, String errorType,
      long durationMicros, Details details) {
    ResponseEvent.Builder event = ResponseEvent.builder()
        .timeUnixMs(timeUnixMs)
        .serviceName(origin.serviceName)
        .instanceId(origin.instanceId)
        .egressGroup(origin.egressGroup)
        .clientLibrary(origin.clientLibrary)
        .method(origin.method)
        .scheme(origin.scheme)
        .host(origin.host)
        .port(origin.port)
        .endpointTemplate(origin.endpointTemplate)
        .operation(origin.operation)
        .queryNames(origin.queryNames)
        .status(status)
        .durationMicros(durationMicros)
        .contentType(details.contentType)
        .errorMessage(details.errorMessage)
        .sampleWeight(details.sampleWeight)
        .providerStatus(details.providerStatus)
        .providerErrorCode(details.providerErrorCode)
        .bodyFormat(details.bodyFormat)
        .resource(details.resourceType, details.resourceId)
        .providerClientId(details.providerClientId);
    if (errorType != null) {
      event.errorType(errorTypeOf(errorType));
    }
    try {
      return event.build();
    } catch (IllegalArgumentException e) {
      // A rule of the contract this scanner does not check itself: the Jackson path words the rejection.
      return null;
    }
  }

  /** The first slot of the pair where an event of these parts is remembered. */
  private static int shapeSlot(Origin origin, Details details, int status, String errorType) {
    long hash = origin.runHash * 31 + details.runHash;
    hash = hash * 31 + status;
    hash = hash * 31 + (errorType == null ? 0 : errorType.hashCode());
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - SHAPE_BITS)) & ~1;
  }

  /**
   * Who sent the record and what it called: the run of fields between its time and its status, which
   * ends where the status key begins (found by the key's underscore, which none of the run's keys has).
   * Null unless the run is exactly those fields.
   */
  private Origin parseOrigin(byte[] bytes, int from, int to, long hash) {
    Cursor in = new Cursor(bytes, from, to, strings);
    Origin read = new Origin(hash,
        in.text(SERVICE_NAME, 256),
        in.text(SERVICE_INSTANCE_ID, 256),
        in.text(EGRESS_GROUP, 256),
        in.text(CLIENT_LIBRARY, 64),
        in.text(HTTP_REQUEST_METHOD, 32),
        in.text(URL_SCHEME, 16),
        in.text(SERVER_ADDRESS, 256),
        (int) in.integer(SERVER_PORT, 65_535),
        in.text(URL_TEMPLATE, 1024),
        in.optionalText(OPERATION_NAME, 128),
        in.optionalQueryNames(URL_QUERY_NAMES));
    if (in.failed() || in.position() != to) {
      return null;
    }
    origins.put(bytes, from, to, hash, read);
    return read;
  }

  /** What the response's body said: the run of fields from the duration's end to the record's end. */
  private Details parseDetails(byte[] bytes, int from, int to, long hash) {
    Cursor in = new Cursor(bytes, from, to, strings);
    String contentType = in.optionalText(HTTP_RESPONSE_CONTENT_TYPE, 256);
    String errorMessage = in.optionalText(PROVIDER_ERROR_MESSAGE, 1024);
    double sampleWeight = in.optionalWeight(SAMPLE_WEIGHT);
    int providerStatus = (int) in.optionalInteger(PROVIDER_STATUS_CODE, 1, 999);
    String providerErrorCode = in.optionalText(PROVIDER_ERROR_CODE, 64);
    String bodyFormat = in.optionalText(PROVIDER_BODY_FORMAT, 16);
    String resourceType = in.optionalText(PROVIDER_RESOURCE_TYPE, 64);
    String resourceId = in.optionalUniqueText(PROVIDER_RESOURCE_ID, 128);
    String providerClientId = in.optionalText(PROVIDER_CLIENT_ID, 128);
    if (!in.atEnd() || (resourceType == null) != (resourceId == null)) {
      return null;
    }
    Details read = new Details(hash, contentType, errorMessage, sampleWeight, providerStatus, providerErrorCode,
        bodyFormat == null ? null : bodyFormatOf(bodyFormat), resourceType, resourceId, providerClientId);
    if (resourceId == null) {
      // A resource ID differs in nearly every record: remembering it would only evict useful runs.
      details.put(bytes, from, to, hash, read);
    }
    return read;
  }

  private static ErrorType errorTypeOf(String wireName) {
    for (ErrorType type : ERROR_TYPES) {
      if (type.wireName().equals(wireName)) {
        return type;
      }
    }
    return ErrorType.OTHER;
  }

  private static BodyFormat bodyFormatOf(String wireName) {
    for (BodyFormat format : BODY_FORMATS) {
      if (format.wireName().equals(wireName)) {
        return format;
      }
    }
    return BodyFormat.OTHER;
  }

  private static Token key(String key) {
    return Token.of(",\"" + key + "\":");
  }

  /**
   * The bytes of {@code word} that may end the fast path of a string, as their high bits: a quote, a
   * backslash, a control character or any byte of a multi-byte character. A borrow can only mark bytes
   * above a marked one, so the lowest mark is exact.
   */
  private static long specialBytes(long word) {
    long quote = word ^ QUOTES;
    long backslash = word ^ BACKSLASHES;
    return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (word - SPACES) | word) & HIGH_BITS;
  }

  /**
   * How many of the word's bytes, from its first, are ASCII digits: 0 to 8. A digit's high half is 3,
   * and adding 6 keeps it 3. A carry out of a byte can only disturb the bytes after it, and it comes only
   * out of a byte that is no digit, so the first byte marked is exact.
   */
  private static int leadingDigits(long word) {
    long highHalves = (word & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L;
    long highHalvesPlusSix = ((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L;
    return Long.numberOfTrailingZeros(highHalves | highHalvesPlusSix) >>> 3;
  }

  /**
   * The number that the first {@code count} bytes of the word spell, all digits (1 to 8 of them): moved to
   * the word's top, so that the bytes below read as leading zeros, then pairs, fours and the eight
   * combined in three multiplications, none of which can carry out of its lane.
   */
  private static long valueOfDigits(long word, int count) {
    long digits = (word - 0x3030303030303030L) << (Long.SIZE - Byte.SIZE * count);
    digits = (digits * 10 + (digits >>> 8)) & 0x00FF00FF00FF00FFL;
    digits = (digits * 100 + (digits >>> 16)) & 0x0000FFFF0000FFFFL;
    return (digits * 10_000 + (digits >>> 32)) & 0xFFFFFFFFL;
  }

  /**
   * A run of ASCII bytes that must come next, compared eight at a time, or that is searched for by its
   * anchor: its first underscore, a byte that the keys before a key that has one lack.
   */
  private static final class Token {
    private static final byte ANCHOR = '_';

    private final int length;
    private final int[] offsets;
    private final long[] words;
    private final int anchor;

    private Token(byte[] bytes) {
      // Words at 0, 8, 16, ... and one ending at the last byte, overlapping its predecessor.
      this.length = bytes.length;
      this.anchor = new String(bytes, StandardCharsets.US_ASCII).indexOf(ANCHOR);
      int count = (length + 7) / 8;
      this.offsets = new int[count];
      this.words = new long[count];
      for (int i = 0; i < count; i++) {
        offsets[i] = Math.min(8 * i, length - 8);
        words[i] = (long) LONGS.get(bytes, offsets[i]);
      }
    }

    static Token of(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      if (bytes.length < 8) {
        throw new IllegalArgumentException("a token is at least 8 bytes: " + text);
      }
      return new Token(bytes);
    }

    /**
     * Where the token first occurs from {@code from} on, ending by {@code limit}, or -1. Only its
     * anchor's places are tried, found eight bytes at a time: in a run of keys without that byte the
     * search meets no candidate and so takes no branch that depends on the bytes, where trying every key
     * it passes would.
     */
    int find(byte[] bytes, int from, int limit) {
      if (anchor < 0) {
        throw new IllegalStateException("a token without an anchor is matched, not searched for");
      }
      int i = from + anchor;
      for (; i + Long.BYTES <= limit; i += Long.BYTES) {
        long anchors = (long) LONGS.get(bytes, i) ^ (ONES * ANCHOR);
        // Marks every anchor, and possibly a byte above a marked one: each mark is tried anyway.
        for (long marks = (anchors - ONES) & ~anchors & HIGH_BITS; marks != 0; marks &= marks - 1) {
          int at = i + (Long.numberOfTrailingZeros(marks) >>> 3) - anchor;
          if (matches(bytes, at, limit)) {
            return at;
          }
        }
      }
      for (; i < limit; i++) {
        if (bytes[i] == ANCHOR && matches(bytes, i - anchor, limit)) {
          return i - anchor;
        }
      }
      return -1;
    }

    boolean matches(byte[] bytes, int at, int limit) {
      if (at + length > limit) {
        return false;
      }
      for (int i = 0; i < words.length; i++) {
        if ((long) LONGS.get(bytes, at + offsets[i]) != words[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A position in one record. Once a read fails, every later read fails too and returns a placeholder,
   * so that the scan reads as a straight list of fields and is judged once, at the end.
   */
  private static final class Cursor {
    final byte[] bytes;
    /** Where the record ends: it may be a range of a larger array, such as a fetch response. */
    final int limit;
    private final CanonicalStrings strings;
    private int position;
    private boolean failed;
    private long runHash;

    Cursor(byte[] bytes, int from, int limit, CanonicalStrings strings) {
      this.bytes = bytes;
      this.position = from;
      this.limit = limit;
      this.strings = strings;
    }

    int position() {
      return position;
    }

    boolean failed() {
      return failed;
    }

    /**
     * Where {@code token} next occurs, or -1 (also once a read failed), with the hash of the bytes up to
     * it for {@link #runHash}.
     */
    int runTo(Token token) {
      if (failed) {
        return -1;
      }
      int at = token.find(bytes, position, limit);
      if (at >= 0) {
        runHash = ParsedSegments.hash(bytes, position, at);
      }
      return at;
    }

    /** The hash of the bytes from the position to what {@link #runTo} found, as {@link ParsedSegments#hash}. */
    long runHash() {
      return runHash;
    }

    /** Steps over bytes already known to parse, to {@code to}. */
    void moveTo(int to) {
      position = to;
    }

    /** Steps over {@code token} if it comes next. */
    boolean skip(Token token) {
      if (failed || !token.matches(bytes, position, limit)) {
        return false;
      }
      position += token.length;
      return true;
    }

    /** Steps over the character {@code c} if it comes next. */
    boolean skip(char c) {
      if (failed || position >= limit || bytes[position] != c) {
        return false;
      }
      position++;
      return true;
    }

    /** Reads the rest of the version after its major: a minor of 1 to 6 digits and the closing quote. */
    boolean minorVersion() {
      int digits = countDigits();
      position += digits;
      return digits >= 1 && digits <= MAX_MINOR_DIGITS && skip('"');
    }

    long integer(Token key, long max) {
      if (!skip(key)) {
        return fail();
      }
      return digits(0, max);
    }

    /** An optional whole number from {@code min} to {@code max}; 0 when absent. */
    long optionalInteger(Token key, long min, long max) {
      return skip(key) ? digits(min, max) : 0;
    }

    /** The sample weight, absent meaning 1; the encoder writes a whole weight without a fraction. */
    double optionalWeight(Token key) {
      return skip(key) ? digits(1, Long.MAX_VALUE) : 1.0;
    }

    String text(Token key, int maxLength) {
      if (!skip(key)) {
        fail();
        return null;
      }
      return string(maxLength, /* canonical= */ true);
    }

    String optionalText(Token key, int maxLength) {
      return skip(key) ? string(maxLength, /* canonical= */ true) : null;
    }

    /** As {@link #optionalText}, for a value that differs in nearly every record: not worth a canonical slot. */
    String optionalUniqueText(Token key, int maxLength) {
      return skip(key) ? string(maxLength, /* canonical= */ false) : null;
    }

    List<String> optionalQueryNames(Token key) {
      if (!skip(key)) {
        return List.of();
      }
      if (!skip('[')) {
        fail();
        return List.of();
      }
      String[] names = new String[MAX_QUERY_NAMES];
      int count = 0;
      do {
        if (count == MAX_QUERY_NAMES) {
          fail();
          return List.of();
        }
        names[count++] = string(MAX_QUERY_NAME_LENGTH, /* canonical= */ true);
      } while (skip(','));
      if (!skip(']')) {
        fail();
        return List.of();
      }
      return failed ? List.of() : Arrays.asList(names).subList(0, count);
    }

    /** True when the object closes here and nothing follows it. */
    boolean atEnd() {
      return skip('}') && position == limit;
    }

    private long fail() {
      failed = true;
      return 0;
    }

    private int countDigits() {
      int i = position;
      while (i < limit && bytes[i] >= '0' && bytes[i] <= '9') {
        i++;
      }
      return i - position;
    }

    /**
     * A whole number in JSON's form (no sign, no leading zero) from {@code min} to {@code max}. Digits are
     * read eight at a time while eight bytes of the record remain (a time in milliseconds is two words, a
     * duration or a status one), then one at a time.
     */
    private long digits(long min, long max) {
      if (failed) {
        return 0;
      }
      int start = position;
      long value = 0;
      int run = Long.BYTES;
      while (run == Long.BYTES && position + Long.BYTES <= limit && position - start <= MAX_DIGITS) {
        long word = (long) LONGS.get(bytes, position);
        run = leadingDigits(word);
        if (run > 0) {
          value = value * POWERS_OF_TEN[run] + valueOfDigits(word, run);
          position += run;
        }
      }
      // Only if every word read was all digits: otherwise the number ended inside the last one.
      for (; run == Long.BYTES && position < limit && position - start <= MAX_DIGITS; position++) {
        byte b = bytes[position];
        if (b < '0' || b > '9') {
          break;
        }
        value = value * 10 + (b - '0');
      }
      int count = position - start;
      if (count == 0 || count > MAX_DIGITS || (count > 1 && bytes[start] == '0')) {
        return fail();
      }
      return value < min || value > max ? fail() : value;
    }

    /** A quoted string of 1 to {@code maxLength} characters. */
    private String string(int maxLength, boolean canonical) {
      if (failed || position >= limit || bytes[position] != '"') {
        fail();
        return null;
      }
      int start = position + 1;
      int i = start;
      for (long special; i + 8 <= limit; i += 8) {
        if ((special = specialBytes((long) LONGS.get(bytes, i))) != 0) {
          i += Long.numberOfTrailingZeros(special) >>> 3;
          break;
        }
      }
      for (; i < limit; i++) {
        byte b = bytes[i];
        if (b == '"') {
          int length = i - start;
          if (length == 0 || length > maxLength) {
            fail();
            return null;
          }
          position = i + 1;
          return canonical
              ? strings.ofAscii(bytes, start, length)
              : new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        // Bytes are signed: this catches control characters and every byte of a multi-byte character.
        if (b == '\\' || b < 0x20) {
          return decodedString(start, maxLength, canonical);
        }
      }
      fail();
      return null;
    }

    /** The slow path of {@link #string}: escapes and UTF-8 sequences, strictly valid ones only. */
    private String decodedString(int start, int maxLength, boolean canonical) {
      char[] chars = new char[Math.min(maxLength, limit - start)];
      int length = 0;
      int i = start;
      while (i < limit) {
        int b = bytes[i] & 0xFF;
        if (b == '"') {
          if (length == 0) {
            break;
          }
          position = i + 1;
          return canonical ? strings.of(chars, 0, length) : new String(chars, 0, length);
        }
        int codePoint;
        if (b == '\\') {
          codePoint = escaped(i + 1);
          i += codePoint >= 0 && bytes[i + 1] == 'u' ? 6 : 2;
        } else if (b < 0x80) {
          codePoint = b < 0x20 ? -1 : b;
          i++;
        } else {
          int sequence = sequenceLength(i);
          codePoint = sequence < 0 ? -1 : codePointAt(i, sequence);
          i += Math.max(sequence, 1);
        }
        int needed = Character.charCount(Math.max(codePoint, 0));
        if (codePoint < 0 || length + needed > chars.length) {
          break;
        }
        length += Character.toChars(codePoint, chars, length);
      }
      fail();
      return null;
    }

    /** The character of the escape whose letter is at {@code i}, or -1 for one the encoder does not write. */
    private int escaped(int i) {
      if (i >= limit) {
        return -1;
      }
      switch (bytes[i]) {
        case '"':
          return '"';
        case '\\':
          return '\\';
        case '/':
          return '/';
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'u':
          return hex(i + 1);
        default:
          return -1;
      }
    }

    /** Four hexadecimal digits from {@code i} as a UTF-16 unit (a lone surrogate included, as Jackson does). */
    private int hex(int i) {
      if (i + 4 > limit) {
        return -1;
      }
      int value = 0;
      for (int end = i + 4; i < end; i++) {
        int digit = Character.digit(bytes[i], 16);
        if (digit < 0) {
          return -1;
        }
        value = value << 4 | digit;
      }
      return value;
    }

    /**
     * The length of the UTF-8 sequence at {@code i}, or -1 unless it is well-formed: no overlong form, no
     * encoded surrogate, nothing above U+10FFFF (RFC 3629's table of valid second bytes).
     */
    private int sequenceLength(int i) {
      int lead = bytes[i] & 0xFF;
      int length;
      int low = 0x80;
      int high = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
      } else {
        return -1;
      }
      if (i + length > limit) {
        return -1;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < low || second > high) {
        return -1;
      }
      for (int k = 2; k < length; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return -1;
        }
      }
      return length;
    }

    private int codePointAt(int i, int length) {
      int codePoint = bytes[i] & (0xFF >>> (length + 1));
      for (int k = 1; k < length; k++) {
        codePoint = codePoint << 6 | (bytes[i + k] & 0x3F);
      }
      return codePoint;
    }
  }
}

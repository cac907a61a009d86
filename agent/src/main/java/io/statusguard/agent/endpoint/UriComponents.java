package io.statusguard.agent.endpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a raw (percent-encoded) path into decoded segments and a raw query into parameter names,
 * bounded in count and length. Query values and matrix parameters ({@code ;jsessionid=...}) are
 * dropped here, before anything else sees them. Stateless and thread-safe.
 */
final class UriComponents {
  /** Segments beyond this are not templated one by one. */
  static final int MAX_SEGMENTS = 32;
  static final int MAX_QUERY_NAMES = 16;
  static final int MAX_QUERY_NAME_LENGTH = 64;
  /** A query longer than this is not even scanned to the end. */
  private static final int MAX_QUERY_SCAN = 4096;
  /** Compiled once: {@code String.split} would compile a character class on every call. */
  private static final Pattern PARAMETER_SEPARATOR = Pattern.compile("[&;]");

  private UriComponents() {}

  /**
   * The decoded segments of {@code rawPath}, without the leading slash; {@code "/"} and {@code ""}
   * have none. A segment's matrix parameters are removed. At most {@link #MAX_SEGMENTS} + 1 are
   * returned, so that a caller can tell that the rest was cut.
   */
  static List<String> pathSegments(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
      return Collections.emptyList();
    }
    String path = rawPath.charAt(0) == '/' ? rawPath.substring(1) : rawPath;
    List<String> segments = new ArrayList<>();
    int start = 0;
    while (start <= path.length() && segments.size() <= MAX_SEGMENTS) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      segments.add(decode(stripMatrix(path.substring(start, end)), false));
      start = end + 1;
      if (slash < 0) {
        break;
      }
    }
    return segments;
  }

  /**
   * The distinct names of the parameters in {@code rawQuery}, in request order, at most
   * {@link #MAX_QUERY_NAMES}; names that look like identifiers become {@code {id}}. A value-less
   * parameter of flags joined by {@code +} (the provider's {@code ?AVS+Fees}) yields each flag.
   */
  static List<String> queryNames(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Collections.emptyList();
    }
    String query = rawQuery.length() > MAX_QUERY_SCAN ? rawQuery.substring(0, MAX_QUERY_SCAN) : rawQuery;
    Set<String> names = new LinkedHashSet<>();
    for (String parameter : PARAMETER_SEPARATOR.split(query)) {
      int equals = parameter.indexOf('=');
      if (equals >= 0) {
        addName(names, parameter.substring(0, equals));
      } else {
        for (String flag : parameter.split("\\+")) {
          addName(names, flag);
        }
      }
      if (names.size() >= MAX_QUERY_NAMES) {
        break;
      }
    }
    return List.copyOf(names);
  }

  /**
   * The decoded value of the first parameter named {@code name} (any case) in {@code rawQuery}, or
   * null when there is none or its value is longer than {@code maxLength} (percent-encoded: three
   * times that) or goes past the part of the query that is scanned. Only a route that marks
   * the parameter as an identifier asks for it: query values are otherwise never read.
   */
  static String queryValue(String rawQuery, String name, int maxLength) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    int end = Math.min(rawQuery.length(), MAX_QUERY_SCAN);
    for (int start = 0; start < end; ) {
      int next = start;
      while (next < end && rawQuery.charAt(next) != '&' && rawQuery.charAt(next) != ';') {
        next++;
      }
      int equals = rawQuery.indexOf('=', start);
      if (equals >= 0 && equals < next
          && decode(rawQuery.substring(start, equals), true).equalsIgnoreCase(name)) {
        boolean cut = next == end && end < rawQuery.length();
        return cut || next - equals - 1 > 3 * maxLength ? null
            : decode(rawQuery.substring(equals + 1, next), true);
      }
      start = next + 1;
    }
    return null;
  }

  private static void addName(Set<String> names, String rawName) {
    if (rawName.isEmpty() || names.size() >= MAX_QUERY_NAMES) {
      return;
    }
    String name = decode(rawName, true);
    if (name.isEmpty()) {
      return;
    }
    names.add(name.length() > MAX_QUERY_NAME_LENGTH || !EndpointTemplater.isKeptVerbatim(name)
        ? EndpointTemplater.ID : name);
  }

  private static String stripMatrix(String segment) {
    int semicolon = segment.indexOf(';');
    return semicolon < 0 ? segment : segment.substring(0, semicolon);
  }

  /** Percent-decodes {@code s} as UTF-8; malformed escapes stay as they are. */
  static String decode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hexValue(s.charAt(i + 1)) >= 0
          && hexValue(s.charAt(i + 2)) >= 0) {
        bytes.write(hexValue(s.charAt(i + 1)) * 16 + hexValue(s.charAt(i + 2)));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}

package io.statusguard.agent.endpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
    for (String parameter : query.split("[&;]")) {
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

  private static void addName(Set<String> names, String rawName) {
    if (rawName.isEmpty() || names.size() >= MAX_QUERY_NAMES) {
      return;
    }
    String name = decode(rawName, true);
    if (name.isEmpty()) {
      return;
    }
    names.add(name.length() > MAX_QUERY_NAME_LENGTH || IdentifierShapes.isIdentifier(name)
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

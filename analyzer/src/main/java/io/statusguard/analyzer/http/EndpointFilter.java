package io.statusguard.analyzer.http;

import io.statusguard.analyzer.domain.status.StatusClass;
import io.statusguard.analyzer.domain.window.SeriesRates;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of {@code /api/v1/endpoints}: each one given must equal the series' value. A
 * missing parameter matches everything.
 */
record EndpointFilter(String service, String egressGroup, String operation, StatusClass statusClass) {
  static final EndpointFilter ALL = new EndpointFilter(null, null, null, null);

  private static final Set<String> NAMES = Set.of("service", "egress_group", "operation", "class");
  private static final int MAX_QUERY_LENGTH = 2048;

  /**
   * Parses a raw query string.
   *
   * @throws IllegalArgumentException naming the parameter that is unknown, repeated or invalid
   */
  static EndpointFilter parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return ALL;
    }
    if (rawQuery.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException("the query is longer than " + MAX_QUERY_LENGTH + " characters");
    }
    Map<String, String> values = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown query parameter; known: class, egress_group, operation, service");
      }
      if (values.put(name, value) != null) {
        throw new IllegalArgumentException("query parameter " + name + " is given twice");
      }
    }
    String className = values.get("class");
    StatusClass statusClass = className == null ? null : StatusClass.fromWireName(className)
        .orElseThrow(() -> new IllegalArgumentException("class is not one of the status classes"));
    return new EndpointFilter(values.get("service"), values.get("egress_group"), values.get("operation"),
        statusClass);
  }

  boolean matches(SeriesRates series) {
    return (service == null || service.equals(series.key().service()))
        && (egressGroup == null || egressGroup.equals(series.key().egressGroup()))
        && (operation == null || operation.equals(series.key().operation()))
        && (statusClass == null || statusClass == series.key().statusClass());
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}

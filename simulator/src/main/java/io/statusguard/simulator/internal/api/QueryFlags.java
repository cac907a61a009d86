package io.statusguard.simulator.internal.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request's query string as the provider reads it: bare flags such as {@code ?authorize}, flags joined
 * with {@code +} such as {@code ?AVS+Fees}, and named values such as {@code ?referenceID=abc}. Names
 * match without case. At most {@value #MAX_PARAMETERS} parameters are read. Immutable.
 */
public final class QueryFlags {
  static final int MAX_PARAMETERS = 16;
  private static final QueryFlags NONE = new QueryFlags(Map.of());

  private final Map<String, String> valuesByName;

  private QueryFlags(Map<String, String> valuesByName) {
    this.valuesByName = Map.copyOf(valuesByName);
  }

  /** Parses a raw (still percent-encoded) query string; null or empty gives no flags. */
  public static QueryFlags parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return NONE;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String parameter : rawQuery.split("&", MAX_PARAMETERS + 1)) {
      if (values.size() >= MAX_PARAMETERS) {
        break;
      }
      int equals = parameter.indexOf('=');
      if (equals >= 0) {
        values.putIfAbsent(key(parameter.substring(0, equals)), decode(parameter.substring(equals + 1)));
      } else {
        for (String flag : parameter.split("\\+")) {
          if (!flag.isEmpty()) {
            values.putIfAbsent(key(flag), "");
          }
        }
      }
    }
    return new QueryFlags(values);
  }

  public boolean has(String name) {
    return valuesByName.containsKey(key(name));
  }

  public Optional<String> value(String name) {
    return Optional.ofNullable(valuesByName.get(key(name)));
  }

  /** The parameter names, lower-cased. */
  public Set<String> names() {
    return valuesByName.keySet();
  }

  private static String key(String name) {
    return decode(name).toLowerCase(Locale.ROOT);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}

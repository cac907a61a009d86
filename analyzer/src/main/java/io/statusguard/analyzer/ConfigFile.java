package io.statusguard.analyzer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A configuration file of {@code key=value} lines (Java properties), one key per command-line option
 * without its dashes, such as {@code http-port=9464}. Immutable.
 */
final class ConfigFile {
  /** A configuration file is a few lines; anything bigger is not one. */
  static final long MAX_BYTES = 64 * 1024;

  private final Path path;
  private final Map<String, String> values;

  private ConfigFile(Path path, Map<String, String> values) {
    this.path = path;
    this.values = values;
  }

  /**
   * Reads {@code path}, accepting only the keys in {@code knownKeys}.
   *
   * @throws IllegalArgumentException with a message for the user when the file is unreadable or has an
   *     unknown key
   */
  static ConfigFile load(Path path, Set<String> knownKeys) {
    Properties properties = new Properties();
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new IllegalArgumentException("config file " + path + " is larger than " + MAX_BYTES + " bytes");
      }
      try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + path + ": " + e);
    }
    Map<String, String> values = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (!knownKeys.contains(key)) {
        throw new IllegalArgumentException("unknown key '" + key + "' in config file " + path + "; known keys: "
            + String.join(", ", new TreeSet<>(knownKeys)));
      }
      values.put(key, properties.getProperty(key).strip());
    }
    return new ConfigFile(path, values);
  }

  Path path() {
    return path;
  }

  /** The value of {@code key}, or null when the file does not set it. */
  String value(String key) {
    return values.get(key);
  }
}

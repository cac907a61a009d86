package io.statusguard.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads the optional configuration file: a UTF-8 properties file with the keys of the agent arguments
 * ({@code bootstrap.servers=kafka:9093}, {@code kafka.sasl.jaas.config=...}), where credentials can be
 * kept out of command lines and process listings. Stateless.
 */
final class ConfigFile {
  /** Far more than any real configuration; a larger file is not one. */
  static final long MAX_BYTES = 64 * 1024;

  private ConfigFile() {}

  /**
   * The file's entries, keys and values trimmed.
   *
   * @throws InvalidConfigException if the file cannot be read, is too large, or holds a key that
   *     {@code knownKey} rejects (the message names the key, never a value)
   */
  static Map<String, String> read(Path file, Predicate<String> knownKey)
      throws InvalidConfigException {
    Properties properties = load(file);
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      String key = name.trim();
      if (key.equals(AgentConfig.CONFIG_FILE)) {
        throw new InvalidConfigException(AgentConfig.CONFIG_FILE + " " + file
            + " names another file; it must hold the settings themselves");
      }
      if (!knownKey.test(key)) {
        throw new InvalidConfigException("unknown key '" + key + "' in " + AgentConfig.CONFIG_FILE
            + " " + file);
      }
      values.put(key, properties.getProperty(name).trim());
    }
    return values;
  }

  private static Properties load(Path file) throws InvalidConfigException {
    Properties properties = new Properties();
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidConfigException(AgentConfig.CONFIG_FILE + " " + file + " is larger than "
            + MAX_BYTES + " bytes");
      }
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(in);
      }
    } catch (CharacterCodingException e) {
      throw new InvalidConfigException(AgentConfig.CONFIG_FILE + " " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new InvalidConfigException(AgentConfig.CONFIG_FILE + " " + file + " cannot be read: "
          + e.getClass().getSimpleName());
    } catch (IllegalArgumentException e) {
      // Properties.load rejects a malformed \\uXXXX escape; its message quotes no value.
      throw new InvalidConfigException(AgentConfig.CONFIG_FILE + " " + file
          + " is not a properties file: " + e.getMessage());
    }
    return properties;
  }
}

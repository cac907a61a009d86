package io.statusguard.analyzer;

import io.statusguard.analyzer.domain.window.WindowSettings;
import io.statusguard.event.EventTopic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@link Analyzer} reads, how much it keeps and where it serves. Immutable; the constructor
 * rejects invalid values with a message naming the setting, so a config that exists is a valid one.
 *
 * @param maxEndpoints distinct endpoint label values in the metrics; later ones are counted as _OTHER
 * @param maxSeries response series in the metrics; later ones are counted under status and class only
 * @param maxWindowKeys series kept in the event-time windows; the least useful are evicted past it
 * @param rebuildWindow how much history a member reads back on a partition assignment; zero for none
 * @param profile the provider profile file, or null for the built-in profile
 * @param deadLetterTopic where to copy rejected records, or null to copy none
 */
public record AnalyzerConfig(String bootstrapServers, String topic, String groupId, String httpHost, int httpPort,
    int maxEndpoints, int maxSeries, int maxWindowKeys, Duration rebuildWindow, Path profile,
    String deadLetterTopic) {
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_TOPIC = EventTopic.DEFAULT_NAME;
  public static final String DEFAULT_GROUP_ID = "statusguard-analyzer";
  public static final String DEFAULT_HTTP_HOST = "0.0.0.0";
  public static final int DEFAULT_HTTP_PORT = 9464;
  public static final int DEFAULT_MAX_ENDPOINTS = 1000;
  public static final int MAX_ENDPOINTS_LIMIT = 100_000;
  public static final int DEFAULT_MAX_SERIES = 10_000;
  public static final int DEFAULT_MAX_WINDOW_KEYS = WindowSettings.DEFAULT_MAX_SERIES;
  public static final int MAX_KEYS_LIMIT = 1_000_000;
  public static final Duration DEFAULT_REBUILD_WINDOW = Duration.ofHours(1);
  /** The windows keep an hour; reading back more would only produce late events. */
  public static final Duration MAX_REBUILD_WINDOW = WindowSettings.DEFAULT_RETENTION;

  // Kafka's own rules for topic names; a group id only has to be non-blank.
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern SERVER = Pattern.compile("\\S+:(\\d{1,5})");

  public AnalyzerConfig {
    requireBootstrapServers(bootstrapServers);
    requireTopic("topic", topic);
    if (groupId == null || groupId.isBlank() || groupId.length() > 255) {
      throw new IllegalArgumentException("group id must be 1 to 255 characters, got " + quoted(groupId));
    }
    if (httpHost == null || httpHost.isBlank()) {
      throw new IllegalArgumentException("http host must be a host name or an IP address, got " + quoted(httpHost));
    }
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("http port must be between 0 (any free port) and 65535, got " + httpPort);
    }
    if (maxEndpoints < 1 || maxEndpoints > MAX_ENDPOINTS_LIMIT) {
      throw new IllegalArgumentException(
          "max endpoints must be between 1 and " + MAX_ENDPOINTS_LIMIT + ", got " + maxEndpoints);
    }
    if (maxSeries < 1 || maxSeries > MAX_KEYS_LIMIT) {
      throw new IllegalArgumentException("max series must be between 1 and " + MAX_KEYS_LIMIT + ", got " + maxSeries);
    }
    if (maxWindowKeys < 1 || maxWindowKeys > MAX_KEYS_LIMIT) {
      throw new IllegalArgumentException(
          "max window keys must be between 1 and " + MAX_KEYS_LIMIT + ", got " + maxWindowKeys);
    }
    if (rebuildWindow == null || rebuildWindow.isNegative() || rebuildWindow.compareTo(MAX_REBUILD_WINDOW) > 0) {
      throw new IllegalArgumentException("rebuild window must be between 0 and " + MAX_REBUILD_WINDOW.toMinutes()
          + " minutes, got " + rebuildWindow);
    }
    if (deadLetterTopic != null) {
      requireTopic("dead-letter topic", deadLetterTopic);
      if (deadLetterTopic.equals(topic)) {
        throw new IllegalArgumentException("dead-letter topic must differ from the event topic " + quoted(topic));
      }
    }
  }

  /** Every default, with Kafka at {@value #DEFAULT_BOOTSTRAP_SERVERS}, the built-in profile and no dead letters. */
  public static AnalyzerConfig defaults() {
    return new AnalyzerConfig(DEFAULT_BOOTSTRAP_SERVERS, DEFAULT_TOPIC, DEFAULT_GROUP_ID, DEFAULT_HTTP_HOST,
        DEFAULT_HTTP_PORT, DEFAULT_MAX_ENDPOINTS, DEFAULT_MAX_SERIES, DEFAULT_MAX_WINDOW_KEYS, DEFAULT_REBUILD_WINDOW,
        null, null);
  }

  public AnalyzerConfig withBootstrapServers(String bootstrapServers) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  public AnalyzerConfig withTopic(String topic) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  public AnalyzerConfig withGroupId(String groupId) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  public AnalyzerConfig withHttpHost(String httpHost) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  public AnalyzerConfig withHttpPort(int httpPort) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  public AnalyzerConfig withMaxEndpoints(int maxEndpoints) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  public AnalyzerConfig withMaxSeries(int maxSeries) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  public AnalyzerConfig withMaxWindowKeys(int maxWindowKeys) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  public AnalyzerConfig withRebuildWindow(Duration rebuildWindow) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  /** Reads the provider profile from {@code profile}; null returns to the built-in profile. */
  public AnalyzerConfig withProfile(Path profile) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  /** Copies rejected records to {@code deadLetterTopic}; null copies none. */
  public AnalyzerConfig withDeadLetterTopic(String deadLetterTopic) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints, maxSeries,
        maxWindowKeys, rebuildWindow, profile, deadLetterTopic);
  }

  private static void requireTopic(String setting, String name) {
    if (name == null || !TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          setting + " must be 1 to 249 characters of [a-zA-Z0-9._-], got " + quoted(name));
    }
  }

  private static void requireBootstrapServers(String servers) {
    if (servers == null || servers.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers are required: host:port pairs separated by commas");
    }
    for (String server : servers.split(",", -1)) {
      if (!isHostAndPort(server.strip())) {
        throw new IllegalArgumentException(
            "bootstrap servers must be host:port pairs separated by commas, but one is " + quoted(server.strip()));
      }
    }
  }

  private static boolean isHostAndPort(String server) {
    Matcher matcher = SERVER.matcher(server);
    if (!matcher.matches()) {
      return false;
    }
    int port = Integer.parseInt(matcher.group(1));
    return port >= 1 && port <= 65_535;
  }

  private static String quoted(String value) {
    return value == null ? "nothing" : '"' + value + '"';
  }
}

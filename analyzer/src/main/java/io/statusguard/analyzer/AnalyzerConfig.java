package io.statusguard.analyzer;

import io.statusguard.event.EventTopic;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@link Analyzer} reads and where it serves its metrics. Immutable; the constructor rejects
 * invalid values with a message naming the setting, so a config that exists is a valid one.
 */
public record AnalyzerConfig(
    String bootstrapServers, String topic, String groupId, String httpHost, int httpPort, int maxEndpoints) {
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_TOPIC = EventTopic.DEFAULT_NAME;
  public static final String DEFAULT_GROUP_ID = "statusguard-analyzer";
  public static final String DEFAULT_HTTP_HOST = "0.0.0.0";
  public static final int DEFAULT_HTTP_PORT = 9464;
  public static final int DEFAULT_MAX_ENDPOINTS = 1000;
  public static final int MAX_ENDPOINTS_LIMIT = 100_000;

  // Kafka's own rules for topic names; a group id only has to be non-blank.
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern SERVER = Pattern.compile("\\S+:(\\d{1,5})");

  public AnalyzerConfig {
    requireBootstrapServers(bootstrapServers);
    if (topic == null || !TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      throw new IllegalArgumentException(
          "topic must be 1 to 249 characters of [a-zA-Z0-9._-], got " + quoted(topic));
    }
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
  }

  /** Every default, with Kafka at {@value #DEFAULT_BOOTSTRAP_SERVERS}. */
  public static AnalyzerConfig defaults() {
    return new AnalyzerConfig(DEFAULT_BOOTSTRAP_SERVERS, DEFAULT_TOPIC, DEFAULT_GROUP_ID, DEFAULT_HTTP_HOST,
        DEFAULT_HTTP_PORT, DEFAULT_MAX_ENDPOINTS);
  }

  public AnalyzerConfig withBootstrapServers(String bootstrapServers) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints);
  }

  public AnalyzerConfig withTopic(String topic) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints);
  }

  public AnalyzerConfig withGroupId(String groupId) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints);
  }

  public AnalyzerConfig withHttpHost(String httpHost) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints);
  }

  public AnalyzerConfig withHttpPort(int httpPort) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints);
  }

  public AnalyzerConfig withMaxEndpoints(int maxEndpoints) {
    return new AnalyzerConfig(bootstrapServers, topic, groupId, httpHost, httpPort, maxEndpoints);
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

package io.statusguard.agent.config;

import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.agent.profile.ProfileMode;
import io.statusguard.agent.profile.ProfileReader;
import io.statusguard.event.EventTopic;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's configuration, immutable and valid once built. Each key is looked up, first match wins,
 * in: the agent argument string ({@code -javaagent:statusguard-agent.jar=k=v,k=v}), the system property
 * {@code statusguard.<key>}, the environment variable {@code STATUSGUARD_<KEY>} (dots become
 * underscores, upper case), the properties file that {@value #CONFIG_FILE} names (found in those same
 * three places), and finally the default. So agent arguments beat system properties, which beat the
 * environment, which beats the file, which beats the defaults.
 *
 * <p>In the argument string a piece without {@code =} continues the previous value, so
 * {@code bootstrap.servers=a:9092,b:9092} keeps both servers. Keys under {@code kafka.} pass through
 * to the Kafka producer without the prefix. Unknown keys in the argument string and in the file are an
 * error (a typo would otherwise go unnoticed); unknown system properties and variables are ignored, as
 * other components share the prefix. Values of Kafka settings may hold credentials: they are never
 * shown, and {@link #secrets()} masks them in anything printed.
 */
public final class AgentConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SERVICE_NAME = "service.name";
  public static final String SERVICE_INSTANCE_ID = "service.instance.id";
  public static final String EGRESS_GROUP = "egress.group";
  public static final String TOPIC = "topic";
  public static final String QUEUE_CAPACITY = "queue.capacity";
  public static final String FLUSH_TIMEOUT_MS = "flush.timeout.ms";
  public static final String ENABLED = "enabled";
  public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
  /** Whether the agent reads SC, EC and EM from the error bodies the application reads. */
  public static final String BODY_CAPTURE = "body.capture";
  /** How long an error body may stay open before its event leaves without waiting for the rest. */
  public static final String BODY_WAIT_MS = "body.wait.ms";
  /** A provider profile: a YAML file, or {@code classpath:} and a resource name. */
  public static final String PROFILE = "profile";
  /** {@code replace} (the default) or {@code extend}: whether the built-in profile still applies. */
  public static final String PROFILE_MODE = "profile.mode";
  /** How many distinct generic endpoint templates a host may get, {@code /{overflow}} included. */
  public static final String TEMPLATES_MAX_PER_HOST = "templates.max.per.host";
  /** Above this many successes per second, successes are sampled (and weighted); 0: never. */
  public static final String SAMPLING_SUCCESSES_PER_SECOND = "sampling.successes.per.second";
  /** A properties file with any of the other keys, for settings that do not belong on a command line. */
  public static final String CONFIG_FILE = "config.file";
  /** Prefix of the keys passed to the Kafka producer, e.g. {@code kafka.security.protocol}. */
  public static final String KAFKA_PREFIX = "kafka.";

  public static final String DEFAULT_SERVICE_NAME = "unknown_service:java";
  public static final int DEFAULT_QUEUE_CAPACITY = 8192;
  public static final long DEFAULT_FLUSH_TIMEOUT_MS = 2000;
  public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 10_000;
  public static final long DEFAULT_BODY_WAIT_MS = 2000;
  static final long MAX_BODY_WAIT_MS = 60_000;
  public static final int DEFAULT_TEMPLATES_MAX_PER_HOST =
      EndpointTemplater.DEFAULT_MAX_TEMPLATES_PER_HOST;
  static final int MAX_TEMPLATES_MAX_PER_HOST = 100_000;
  static final long MAX_SAMPLING_SUCCESSES_PER_SECOND = 1_000_000_000;
  static final int MAX_QUEUE_CAPACITY = 1 << 20;
  static final long MAX_FLUSH_TIMEOUT_MS = 60_000;
  static final int MAX_NAME_LENGTH = 128;
  /** Shorter intervals would make the heartbeats a load of their own. */
  static final long MIN_HEARTBEAT_INTERVAL_MS = 1_000;
  static final long MAX_HEARTBEAT_INTERVAL_MS = 3_600_000;

  private static final String SYSTEM_PROPERTY_PREFIX = "statusguard.";
  private static final String ENVIRONMENT_PREFIX = "STATUSGUARD_";
  private static final Set<String> KEYS = Set.of(BOOTSTRAP_SERVERS, SERVICE_NAME, SERVICE_INSTANCE_ID,
      EGRESS_GROUP, TOPIC, QUEUE_CAPACITY, FLUSH_TIMEOUT_MS, ENABLED, HEARTBEAT_INTERVAL_MS,
      CONFIG_FILE, BODY_CAPTURE, BODY_WAIT_MS, TEMPLATES_MAX_PER_HOST,
      SAMPLING_SUCCESSES_PER_SECOND, PROFILE, PROFILE_MODE);
  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern SERVER = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9._-]+):(\\d{1,5})");

  private final String bootstrapServers;
  private final String serviceName;
  private final String serviceInstanceId;
  private final String egressGroup;
  private final String topic;
  private final int queueCapacity;
  private final long flushTimeoutMs;
  private final boolean enabled;
  private final long heartbeatIntervalMs;
  private final boolean bodyCapture;
  private final long bodyWaitMs;
  private final int templatesMaxPerHost;
  private final long samplingSuccessesPerSecond;
  private final String profile;
  private final ProfileMode profileMode;
  private final String configFile;
  private final Map<String, String> kafkaProperties;
  private final SecretMask secrets;

  private AgentConfig(Map<String, String> values) throws InvalidConfigException {
    this.enabled = parseBoolean(values, ENABLED, true);
    this.bootstrapServers = values.get(BOOTSTRAP_SERVERS);
    this.serviceName = values.getOrDefault(SERVICE_NAME, DEFAULT_SERVICE_NAME);
    this.serviceInstanceId = values.get(SERVICE_INSTANCE_ID);
    this.egressGroup = values.get(EGRESS_GROUP);
    this.topic = values.getOrDefault(TOPIC, EventTopic.DEFAULT_NAME);
    this.queueCapacity = (int) parseLong(values, QUEUE_CAPACITY, DEFAULT_QUEUE_CAPACITY, 1,
        MAX_QUEUE_CAPACITY);
    this.flushTimeoutMs = parseLong(values, FLUSH_TIMEOUT_MS, DEFAULT_FLUSH_TIMEOUT_MS, 0,
        MAX_FLUSH_TIMEOUT_MS);
    this.heartbeatIntervalMs = parseHeartbeatInterval(values);
    this.bodyCapture = parseBoolean(values, BODY_CAPTURE, true);
    this.bodyWaitMs = parseLong(values, BODY_WAIT_MS, DEFAULT_BODY_WAIT_MS, 1, MAX_BODY_WAIT_MS);
    // Two at least: one real template besides the overflow one.
    this.templatesMaxPerHost = (int) parseLong(values, TEMPLATES_MAX_PER_HOST,
        DEFAULT_TEMPLATES_MAX_PER_HOST, 2, MAX_TEMPLATES_MAX_PER_HOST);
    this.samplingSuccessesPerSecond = parseLong(values, SAMPLING_SUCCESSES_PER_SECOND, 0, 0,
        MAX_SAMPLING_SUCCESSES_PER_SECOND);
    this.profile = values.get(PROFILE);
    this.profileMode = parseProfileMode(values);
    this.configFile = values.get(CONFIG_FILE);
    Map<String, String> kafka = new TreeMap<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      if (entry.getKey().startsWith(KAFKA_PREFIX)) {
        kafka.put(entry.getKey().substring(KAFKA_PREFIX.length()), entry.getValue());
      }
    }
    this.kafkaProperties = Collections.unmodifiableMap(kafka);
    this.secrets = SecretMask.of(kafkaProperties);
  }

  /** Reads the configuration from {@code agentArgs}, this JVM's system properties and environment. */
  public static AgentConfig from(String agentArgs) throws InvalidConfigException {
    Properties properties = System.getProperties();
    Map<String, String> systemProperties = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
        systemProperties.put(name, properties.getProperty(name));
      }
    }
    return parse(agentArgs, systemProperties, System.getenv());
  }

  /**
   * Reads the configuration from the given sources (see the class documentation for precedence) and
   * validates it.
   */
  public static AgentConfig parse(String agentArgs, Map<String, String> systemProperties,
      Map<String, String> environment) throws InvalidConfigException {
    Map<String, String> arguments = parseArguments(agentArgs);
    Map<String, String> properties = fromSystemProperties(systemProperties);
    Map<String, String> variables = fromEnvironment(environment);
    Map<String, String> values = new LinkedHashMap<>();
    String file = firstOf(CONFIG_FILE, arguments, properties, variables);
    if (file != null) {
      values.putAll(ConfigFile.read(configFilePath(file), AgentConfig::isKnownKey));
    }
    values.putAll(variables);
    values.putAll(properties);
    values.putAll(arguments);
    if (file != null) {
      values.put(CONFIG_FILE, file);
    }
    return new AgentConfig(values).validate();
  }

  /** Returns this configuration, or throws naming the first value the agent cannot run with. */
  public AgentConfig validate() throws InvalidConfigException {
    if (!enabled) {
      return this;
    }
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new InvalidConfigException(BOOTSTRAP_SERVERS + " is required (e.g. -javaagent:"
          + "statusguard-agent.jar=" + BOOTSTRAP_SERVERS + "=127.0.0.1:9092)");
    }
    for (String server : bootstrapServers.split(",", -1)) {
      requireServer(server.trim());
    }
    requireName(SERVICE_NAME, serviceName);
    if (serviceInstanceId != null) {
      requireName(SERVICE_INSTANCE_ID, serviceInstanceId);
    }
    if (egressGroup != null) {
      requireName(EGRESS_GROUP, egressGroup);
    }
    if (!TOPIC_NAME.matcher(topic).matches()) {
      throw new InvalidConfigException(TOPIC + " must be 1 to 249 characters of [a-zA-Z0-9._-], got '"
          + topic + "'");
    }
    for (String key : kafkaProperties.keySet()) {
      if (key.isEmpty()) {
        throw new InvalidConfigException(KAFKA_PREFIX + "<key> needs a producer setting name after '"
            + KAFKA_PREFIX + "'");
      }
    }
    KafkaSettingsCheck.check(kafkaProperties);
    requireProfile();
    return this;
  }

  /** The Kafka servers, {@code host:port} separated by commas. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String serviceName() {
    return serviceName;
  }

  /** The configured instance id, or null to use {@code <hostname>:<pid>}. */
  public String serviceInstanceId() {
    return serviceInstanceId;
  }

  /** The configured egress group, or null to use this host's IP address. */
  public String egressGroup() {
    return egressGroup;
  }

  public String topic() {
    return topic;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  public long flushTimeoutMs() {
    return flushTimeoutMs;
  }

  public boolean enabled() {
    return enabled;
  }

  /** How often the agent reports on itself on the topic; 0 when it does not. */
  public long heartbeatIntervalMs() {
    return heartbeatIntervalMs;
  }

  /** Whether error bodies the application reads are captured for their SC, EC and EM. */
  public boolean bodyCapture() {
    return bodyCapture;
  }

  /** The longest an error response's event waits for the application to finish its body. */
  public long bodyWaitMs() {
    return bodyWaitMs;
  }

  /** Where the user's provider profile is, or null for the built-in one alone. */
  public String profile() {
    return profile;
  }

  /** How the user's provider profile combines with the built-in one. */
  public ProfileMode profileMode() {
    return profileMode;
  }

  /** The most distinct generic endpoint templates one host gets, {@code /{overflow}} included. */
  public int templatesMaxPerHost() {
    return templatesMaxPerHost;
  }

  /** Successes per second above which successes are sampled; 0 when they never are. */
  public long samplingSuccessesPerSecond() {
    return samplingSuccessesPerSecond;
  }

  /** The properties file the configuration was read from, or null. */
  public String configFile() {
    return configFile;
  }

  /** Masks the values of credential-bearing Kafka settings in text about to be printed. */
  public SecretMask secrets() {
    return secrets;
  }

  /** Producer settings from {@code kafka.*} keys, prefix removed; they override the agent's own. */
  public Map<String, String> kafkaProperties() {
    return kafkaProperties;
  }

  @Override
  public String toString() {
    // Kafka settings may hold credentials (e.g. sasl.jaas.config): only their names are shown.
    return "AgentConfig{bootstrapServers=" + bootstrapServers + ", serviceName=" + serviceName
        + ", serviceInstanceId=" + serviceInstanceId + ", egressGroup=" + egressGroup + ", topic="
        + topic + ", queueCapacity=" + queueCapacity + ", flushTimeoutMs=" + flushTimeoutMs
        + ", heartbeatIntervalMs=" + heartbeatIntervalMs + ", bodyCapture=" + bodyCapture
        + ", bodyWaitMs=" + bodyWaitMs + ", templatesMaxPerHost=" + templatesMaxPerHost
        + ", samplingSuccessesPerSecond=" + samplingSuccessesPerSecond + ", enabled=" + enabled
        + ", profile=" + profile + ", profileMode=" + profileMode
        + ", configFile=" + configFile + ", kafka=" + kafkaProperties.keySet() + '}';
  }

  static Map<String, String> parseArguments(String agentArgs) throws InvalidConfigException {
    Map<String, String> values = new LinkedHashMap<>();
    if (agentArgs == null || agentArgs.isBlank()) {
      return values;
    }
    String lastKey = null;
    for (String piece : agentArgs.split(",", -1)) {
      int equals = piece.indexOf('=');
      if (equals < 0) {
        if (lastKey == null) {
          throw new InvalidConfigException("agent arguments must be key=value pairs separated by"
              + " commas, got '" + piece.trim() + "'");
        }
        if (!piece.isBlank()) {
          values.put(lastKey, values.get(lastKey) + ',' + piece.trim());
        }
        continue;
      }
      String key = piece.substring(0, equals).trim();
      if (!isKnownKey(key)) {
        throw new InvalidConfigException("unknown agent argument '" + key + "' (known: "
            + new TreeSet<>(KEYS) + " and " + KAFKA_PREFIX + "*)");
      }
      values.put(key, piece.substring(equals + 1).trim());
      lastKey = key;
    }
    return values;
  }

  private static Map<String, String> fromSystemProperties(Map<String, String> properties) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      String name = entry.getKey();
      if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
        String key = name.substring(SYSTEM_PROPERTY_PREFIX.length());
        if (isKnownKey(key)) {
          values.put(key, entry.getValue().trim());
        }
      }
    }
    return values;
  }

  private static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : environment.entrySet()) {
      String name = entry.getKey();
      if (name.startsWith(ENVIRONMENT_PREFIX)) {
        String key = name.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT)
            .replace('_', '.');
        if (isKnownKey(key)) {
          values.put(key, entry.getValue().trim());
        }
      }
    }
    return values;
  }

  @SafeVarargs
  private static String firstOf(String key, Map<String, String>... sources) {
    for (Map<String, String> source : sources) {
      String value = source.get(key);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static Path configFilePath(String file) throws InvalidConfigException {
    if (file.isBlank()) {
      throw new InvalidConfigException(CONFIG_FILE + " must name a properties file");
    }
    try {
      return Paths.get(file);
    } catch (RuntimeException e) {
      throw new InvalidConfigException(CONFIG_FILE + " '" + file + "' is not a valid path");
    }
  }

  private static boolean isKnownKey(String key) {
    return KEYS.contains(key) || key.startsWith(KAFKA_PREFIX);
  }

  private static boolean parseBoolean(Map<String, String> values, String key, boolean fallback)
      throws InvalidConfigException {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new InvalidConfigException(key + " must be true or false, got '" + value + "'");
  }

  private static ProfileMode parseProfileMode(Map<String, String> values)
      throws InvalidConfigException {
    String value = values.get(PROFILE_MODE);
    if (value == null) {
      return ProfileMode.REPLACE;
    }
    for (ProfileMode mode : ProfileMode.values()) {
      if (mode.name().equalsIgnoreCase(value)) {
        return mode;
      }
    }
    throw new InvalidConfigException(PROFILE_MODE + " must be replace or extend, got '" + value
        + "'");
  }

  /**
   * Checks that the profile can be found. Its content is read and checked later, on the publisher
   * thread when it first has work, as YAML parsing has no place on the application's startup path.
   */
  private void requireProfile() throws InvalidConfigException {
    if (profile == null) {
      if (profileMode != ProfileMode.REPLACE) {
        throw new InvalidConfigException(PROFILE_MODE + "=" + profileMode.name().toLowerCase(
            Locale.ROOT) + " needs " + PROFILE + " (the profile that extends the built-in one)");
      }
      return;
    }
    if (profile.isBlank()) {
      throw new InvalidConfigException(PROFILE + " must name a YAML file or "
          + ProfileReader.CLASSPATH_PREFIX + "<resource>");
    }
    if (profile.startsWith(ProfileReader.CLASSPATH_PREFIX)) {
      return;
    }
    try {
      if (!Files.isRegularFile(Paths.get(profile)) || !Files.isReadable(Paths.get(profile))) {
        throw new InvalidConfigException(PROFILE + " '" + profile + "' is not a readable file");
      }
    } catch (InvalidPathException e) {
      throw new InvalidConfigException(PROFILE + " '" + profile + "' is not a valid path");
    }
  }

  private static long parseHeartbeatInterval(Map<String, String> values)
      throws InvalidConfigException {
    long interval = parseLong(values, HEARTBEAT_INTERVAL_MS, DEFAULT_HEARTBEAT_INTERVAL_MS, 0,
        MAX_HEARTBEAT_INTERVAL_MS);
    if (interval != 0 && interval < MIN_HEARTBEAT_INTERVAL_MS) {
      throw new InvalidConfigException(HEARTBEAT_INTERVAL_MS + " must be 0 (no heartbeats) or from "
          + MIN_HEARTBEAT_INTERVAL_MS + " to " + MAX_HEARTBEAT_INTERVAL_MS + ", got '"
          + values.get(HEARTBEAT_INTERVAL_MS) + "'");
    }
    return interval;
  }

  private static long parseLong(Map<String, String> values, String key, long fallback, long min,
      long max) throws InvalidConfigException {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the accepted range
    }
    throw new InvalidConfigException(key + " must be an integer from " + min + " to " + max
        + ", got '" + value + "'");
  }

  private static void requireServer(String server) throws InvalidConfigException {
    Matcher matcher = SERVER.matcher(server);
    if (matcher.matches()) {
      int port = Integer.parseInt(matcher.group(2));
      if (port >= 1 && port <= 65535) {
        return;
      }
    }
    throw new InvalidConfigException(BOOTSTRAP_SERVERS + " must be host:port entries separated by"
        + " commas, got '" + server + "'");
  }

  private static void requireName(String key, String value) throws InvalidConfigException {
    if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
      throw new InvalidConfigException(key + " must be 1 to " + MAX_NAME_LENGTH
          + " characters, got '" + value + "'");
    }
  }
}

package io.statusguard.agent.config;

import io.statusguard.agent.secret.SecretScrubber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials in text the agent is about to print: the values of Kafka settings that hold them
 * ({@code sasl.jaas.config}, {@code ssl.*.password}, ...) and of each option inside a JAAS
 * configuration, wherever they appear; then whatever {@link SecretScrubber} masks in captured data (an
 * assigned {@code password=...} or {@code secret: ...}, tokens, card numbers). Kafka's own exception
 * messages may quote such values. Immutable and thread-safe.
 */
public final class SecretMask {
  public static final String HIDDEN = "[hidden]";
  /** Masks only what {@link SecretScrubber} masks. */
  public static final SecretMask NONE = new SecretMask(List.of());

  /** A shorter value is no credential, and masking it would mangle ordinary words. */
  static final int MIN_SECRET_LENGTH = 4;

  private static final Pattern SENSITIVE_KEY =
      Pattern.compile("password|secret|token|credential|jaas|\\.key$");
  private static final Pattern JAAS_OPTION = Pattern.compile("\\w+\\s*=\\s*\"([^\"]*)\"");

  private final List<String> secrets;

  private SecretMask(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A mask for the credentials among {@code kafkaSettings} (names without the {@code kafka.} prefix). */
  static SecretMask of(Map<String, String> kafkaSettings) {
    List<String> secrets = new ArrayList<>();
    for (Map.Entry<String, String> setting : kafkaSettings.entrySet()) {
      if (SENSITIVE_KEY.matcher(setting.getKey().toLowerCase(Locale.ROOT)).find()) {
        String value = setting.getValue();
        addSecret(secrets, value);
        Matcher option = JAAS_OPTION.matcher(value);
        while (option.find()) {
          addSecret(secrets, option.group(1));
        }
      }
    }
    // Longest first, so that a value containing another is hidden whole.
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretMask(List.copyOf(secrets));
  }

  /** {@code text} with every credential replaced by {@value #HIDDEN}; null stays null. */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, HIDDEN);
    }
    return SecretScrubber.scrub(masked);
  }

  private static void addSecret(List<String> secrets, String value) {
    String trimmed = value.trim();
    if (trimmed.length() >= MIN_SECRET_LENGTH && !secrets.contains(trimmed)) {
      secrets.add(trimmed);
    }
  }
}

package io.statusguard.analyzer;

import io.statusguard.analyzer.ingest.DecodeFailure;
import io.statusguard.event.ResponseEvent;
import io.statusguard.event.ResponseEventEncoder;
import io.statusguard.event.SchemaVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed and hostile records, each with the reason the analyzer must reject it for, decided by how
 * it was made rather than by asking the decoder. Not thread-safe.
 */
public final class HostileRecords {
  private static final String VALID = ResponseEventEncoder.toJson(SampleEvents.createTransaction(409).build());
  private static final int[] STATUSES = {200, 201, 207, 404, 409, 422, 429, 503};

  private final Random random;

  public HostileRecords(Random random) {
    this.random = random;
  }

  /** A record value (null for a tombstone) with its key, and the reason it must be rejected for. */
  public record Record(String key, byte[] value, DecodeFailure reason) {}

  /** A valid event, of one of a few statuses, from one of a few egress groups. */
  public ResponseEvent validEvent() {
    return SampleEvents.retrieveTransaction(STATUSES[random.nextInt(STATUSES.length)])
        .egressGroup("192.0.2." + random.nextInt(8)).build();
  }

  public Record next() {
    String key = random.nextBoolean() ? null : "k" + random.nextInt(100);
    int kind = random.nextInt(1000);
    if (kind < 150) {
      return new Record(key, utf8(VALID.substring(0, random.nextInt(VALID.length() - 1))),
          DecodeFailure.MALFORMED_JSON);
    }
    if (kind < 250) {
      byte[] bytes = new byte[1 + random.nextInt(512)];
      random.nextBytes(bytes);
      // A control character first: whatever follows, this is no JSON.
      bytes[0] = (byte) (1 + random.nextInt(8));
      return new Record(key, bytes, DecodeFailure.MALFORMED_JSON);
    }
    if (kind < 300) {
      return new Record(key, null, DecodeFailure.MALFORMED_JSON);
    }
    if (kind < 350) {
      return new Record(key, utf8(VALID.replace("\"server.port\":8443", "\"server.port\":8443,\"server.port\":1")),
          DecodeFailure.MALFORMED_JSON);
    }
    if (kind < 400) {
      byte[] bytes = utf8(VALID.replace("payments", "pay\u00e9ments"));
      int accent = indexOf(bytes, (byte) 0xC3);
      bytes[accent + 1] = (byte) 0x28; // The continuation byte of é, made invalid.
      return new Record(key, bytes, DecodeFailure.MALFORMED_JSON);
    }
    if (kind < 500) {
      String[] wrong = {"\"server.port\":\"8443\"", "\"service.name\":42", "\"http.response.status_code\":[409]",
          "\"time_unix_ms\":{}", "\"sample.weight\":\"ten\""};
      String field = wrong[random.nextInt(wrong.length)];
      String name = field.substring(0, field.indexOf(':'));
      return new Record(key, utf8(VALID.replaceFirst(Pattern.quote(name) + ":(\"[^\"]*\"|[0-9]+)",
          Matcher.quoteReplacement(field))), DecodeFailure.WRONG_TYPE);
    }
    if (kind < 520) {
      char[] huge = new char[17_000 + random.nextInt(20_000)];
      Arrays.fill(huge, 'x');
      return new Record(key, utf8(VALID.replace("\"payments\"", '"' + new String(huge) + '"')),
          DecodeFailure.OVERSIZED);
    }
    if (kind < 522) {
      byte[] bytes = new byte[65 * 1024 + random.nextInt(8 * 1024)];
      Arrays.fill(bytes, (byte) ' ');
      byte[] valid = utf8(VALID);
      System.arraycopy(valid, 0, bytes, 0, valid.length);
      return new Record(key, bytes, DecodeFailure.OVERSIZED);
    }
    if (kind < 600) {
      int depth = 17 + random.nextInt(2000);
      String nested = "[".repeat(depth) + "]".repeat(depth);
      return new Record(key, utf8("{\"schema_version\":\"1.0\",\"x\":" + nested + "}"), DecodeFailure.OVERSIZED);
    }
    if (kind < 700) {
      String version = (2 + random.nextInt(90)) + "." + random.nextInt(10);
      return new Record(key, utf8(VALID.replace('"' + SchemaVersion.CURRENT + '"', '"' + version + '"')),
          DecodeFailure.UNKNOWN_MAJOR_VERSION);
    }
    if (kind < 750) {
      String[] values = {"[1,2,3]", "\"text\"", "42", "true", "null"};
      return new Record(key, utf8(values[random.nextInt(values.length)]), DecodeFailure.NOT_AN_OBJECT);
    }
    if (kind < 800) {
      return new Record(key, utf8(VALID.replace("\"schema_version\":\"" + SchemaVersion.CURRENT + "\",", "")),
          DecodeFailure.MISSING_SCHEMA_VERSION);
    }
    if (kind < 900) {
      String[] required = {"service.name", "egress.group", "url.template", "http.response.status_code"};
      String name = required[random.nextInt(required.length)];
      return new Record(key, utf8(VALID.replaceFirst(",\"" + Pattern.quote(name)
          + "\":(\"[^\"]*\"|[0-9]+)", "")), DecodeFailure.MISSING_FIELD);
    }
    String[] invalid = {"\"http.response.status_code\":1000", "\"server.port\":70000", "\"sample.weight\":0.5",
        "\"duration_us\":-1", "\"service.name\":\"\""};
    String field = invalid[random.nextInt(invalid.length)];
    String name = field.substring(0, field.indexOf(':'));
    return new Record(key, utf8(VALID.replaceFirst(Pattern.quote(name) + ":(\"[^\"]*\"|[0-9]+)",
        Matcher.quoteReplacement(field))), DecodeFailure.INVALID_VALUE);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new IllegalArgumentException("byte not found");
  }
}

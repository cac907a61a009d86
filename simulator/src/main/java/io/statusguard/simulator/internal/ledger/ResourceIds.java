package io.statusguard.simulator.internal.ledger;

import java.util.Base64;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Mints the provider's 22-character base64url identifiers (16 random bytes) from a seeded generator, so
 * a sequential client sees the same identifiers on every run. Thread-safe; concurrent callers still get
 * unique identifiers, only not in a repeatable order.
 */
public final class ResourceIds {
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final Random random;

  private ResourceIds(Random random) {
    this.random = random;
  }

  public static ResourceIds seeded(long seed) {
    return new ResourceIds(new Random(seed));
  }

  /** Whether {@code id} has the shape of a ClientID, AccountID, TransactionID or KeyID. */
  public static boolean isWellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }

  public synchronized String next() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** Returns {@code count} random decimal digits, the first never 0. */
  public synchronized String nextDigits(int count) {
    StringBuilder digits = new StringBuilder(count);
    digits.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }
}

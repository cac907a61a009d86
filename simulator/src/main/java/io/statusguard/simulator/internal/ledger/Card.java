package io.statusguard.simulator.internal.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A card as the ledger keeps it: a SHA-256 fingerprint to spot duplicates and the last four digits to
 * echo back, never the number itself.
 */
public record Card(String fingerprint, String last4) {

  public Card {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(last4, "last4");
  }

  /** Whether {@code accountNumber} looks like a card number: 12 to 19 digits. */
  public static boolean isWellFormed(String accountNumber) {
    return accountNumber != null && accountNumber.matches("[0-9]{12,19}");
  }

  public static Card of(String accountNumber) {
    if (!isWellFormed(accountNumber)) {
      throw new IllegalArgumentException("not a card number");
    }
    return new Card(sha256(accountNumber), accountNumber.substring(accountNumber.length() - 4));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}

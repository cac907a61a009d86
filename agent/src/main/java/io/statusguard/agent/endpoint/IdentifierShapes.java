package io.statusguard.agent.endpoint;

import java.util.regex.Pattern;

/**
 * Recognises path segments and query names that hold identifiers or free text rather than a fixed
 * word of the API: such a value must never reach an event, both for cardinality and because it may be
 * a card number, an e-mail address or a token. When in doubt a segment counts as an identifier.
 * Stateless and thread-safe.
 */
final class IdentifierShapes {
  /** Longer segments are data, not words of an API. */
  static final int MAX_WORD_LENGTH = 64;

  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** The provider's ClientID, AccountID, TransactionID and KeyID shape. */
  private static final Pattern BASE64URL_22 = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{12,}");
  /** Characters a fixed word of an API path is made of; anything else is data. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._~:-]+");
  /** Separators inside composite identifiers such as {@code {ClientID}_{SubClientID}}. */
  private static final Pattern PART_SEPARATOR = Pattern.compile("[._~:-]");

  private IdentifierShapes() {}

  /** Whether the decoded {@code segment} is an identifier (or other data) rather than a fixed word. */
  static boolean isIdentifier(String segment) {
    if (segment.isEmpty()) {
      return false;
    }
    if (segment.length() > MAX_WORD_LENGTH || !WORD.matcher(segment).matches()) {
      return true;
    }
    // Four digits in a row cover numeric ids, dates and every card number, separated or not.
    if (longestDigitRun(segment) >= 4 || isDigits(segment)) {
      return true;
    }
    if (isShapedIdentifier(segment)) {
      return true;
    }
    for (String part : PART_SEPARATOR.split(segment)) {
      if ((part.length() >= 2 && isDigits(part)) || isShapedIdentifier(part)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isShapedIdentifier(String s) {
    if (UUID.matcher(s).matches()) {
      return true;
    }
    if (BASE64URL_22.matcher(s).matches() && (hasDigit(s) || hasMixedCase(s))) {
      return true;
    }
    if (HEX.matcher(s).matches() && hasDigit(s)) {
      return true;
    }
    return isHighEntropy(s);
  }

  /** Random-looking tokens: long, with letters and several digits scattered among them. */
  private static boolean isHighEntropy(String s) {
    if (s.length() < 10) {
      return false;
    }
    int digits = 0;
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    return digits >= 2 && letters >= 2;
  }

  private static int longestDigitRun(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = c >= '0' && c <= '9' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasMixedCase(String s) {
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    return lower && upper;
  }
}

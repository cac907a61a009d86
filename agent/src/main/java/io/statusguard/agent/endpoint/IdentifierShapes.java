package io.statusguard.agent.endpoint;

/**
 * Recognises path segments and query names that hold identifiers or free text rather than a fixed
 * word of the API: such a value must never reach an event, both for cardinality and because it may be
 * a card number, an e-mail address or a token. When in doubt a segment counts as an identifier.
 * Hand-written scans over index ranges, as every request's segments pass here on the publisher
 * thread. Stateless and thread-safe.
 */
final class IdentifierShapes {
  /** Longer segments are data, not words of an API. */
  static final int MAX_WORD_LENGTH = 64;
  /** The provider's ClientID, AccountID, TransactionID and KeyID: 22 characters of base64url. */
  private static final int BASE64URL_ID_LENGTH = 22;
  /** Hex of a short commit hash or longer, with a digit (as {@code deadbeef} may be a word). */
  private static final int MIN_HEX_ID_LENGTH = 8;
  private static final int UUID_LENGTH = 36;

  private IdentifierShapes() {}

  /** Whether the decoded {@code segment} is an identifier (or other data) rather than a fixed word. */
  static boolean isIdentifier(String segment) {
    int length = segment.length();
    if (length == 0) {
      return false;
    }
    if (length > MAX_WORD_LENGTH || !isWord(segment)) {
      return true;
    }
    // Four digits in a row cover numeric ids, dates and every card number, separated or not.
    if (longestDigitRun(segment) >= 4 || isDigits(segment, 0, length)) {
      return true;
    }
    if (isShapedIdentifier(segment, 0, length)) {
      return true;
    }
    // The parts of composite identifiers such as {ClientID}_{SubClientID}.
    int partStart = 0;
    for (int i = 0; i <= length; i++) {
      if (i == length || isPartSeparator(segment.charAt(i))) {
        if ((i - partStart >= 2 && isDigits(segment, partStart, i))
            || isShapedIdentifier(segment, partStart, i)) {
          return true;
        }
        partStart = i + 1;
      }
    }
    return false;
  }

  private static boolean isShapedIdentifier(String s, int from, int to) {
    int length = to - from;
    if (length == 0) {
      return false;
    }
    if (length == UUID_LENGTH && isUuid(s, from)) {
      return true;
    }
    if (length == BASE64URL_ID_LENGTH && isBase64Url(s, from, to)
        && (hasDigit(s, from, to) || hasMixedCase(s, from, to))) {
      return true;
    }
    if (length >= MIN_HEX_ID_LENGTH && isHex(s, from, to) && hasDigit(s, from, to)) {
      return true;
    }
    return isHighEntropy(s, from, to);
  }

  /**
   * Random-looking tokens: long, with letters and several digits scattered among them, or short with
   * more digits than a word of an API has ({@code v2beta1} stays, {@code a1b2c3} does not).
   */
  private static boolean isHighEntropy(String s, int from, int to) {
    int length = to - from;
    if (length < 6) {
      return false;
    }
    int digits = 0;
    int letters = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        digits++;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    return (digits >= 3 && letters >= 1) || (length >= 10 && digits >= 2 && letters >= 2);
  }

  /** The characters a fixed word of an API path is made of: {@code [A-Za-z0-9._~:-]}. */
  private static boolean isWord(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAsciiLetterOrDigit(c) && !isPartSeparator(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code 8-4-4-4-12} hex digits. */
  private static boolean isUuid(String s, int from) {
    for (int i = 0; i < UUID_LENGTH; i++) {
      char c = s.charAt(from + i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHexDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBase64Url(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isHexDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int longestDigitRun(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = isDigit(s.charAt(i)) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  private static boolean isDigits(String s, int from, int to) {
    if (from == to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasMixedCase(String s, int from, int to) {
    boolean lower = false;
    boolean upper = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    return lower && upper;
  }

  /** Separators inside composite identifiers: {@code [._~:-]}. */
  private static boolean isPartSeparator(char c) {
    return c == '.' || c == '_' || c == '~' || c == ':' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}

package io.statusguard.agent.secret;

import java.util.Arrays;

/**
 * Masks secrets in any string the agent captures from request or response data (path segments, error
 * messages, resource ids) before it may reach an event: card numbers become {@value #CARD}, bearer-like
 * tokens and credential values {@value #TOKEN}, card verification codes {@value #CVV}. One linear pass
 * without regular expressions; input beyond {@value #MAX_INPUT_LENGTH} characters is cut first.
 * Stateless and thread-safe.
 *
 * <p>What it masks:
 *
 * <ul>
 *   <li>Card numbers: 13 to 19 digits that pass the Luhn check, written together or in groups joined
 *       by single spaces or dashes ({@code 4111 1111-1111 1111}), anywhere, even glued to letters
 *       ({@code card4111111111111111}). A run of more than 19 digits with no separator is an
 *       identifier, not a card, and stays (the endpoint templater hides it).
 *   <li>The value after {@code Bearer} or {@code Basic} unless it is a plain word ({@code Bearer
 *       token} stays); JWT-shaped {@code header.payload.signature} runs; the value assigned to a name
 *       containing {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code credential},
 *       {@code apikey}, {@code api_key} or {@code api-key} with {@code =} or {@code :}, quoted or not
 *       ({@code access_token=...}, {@code "clientSecret":"..."}).
 *   <li>3 or 4 digits after {@code cvv}, {@code cvv2}, {@code cvc}, {@code cvc2}, {@code cid} or
 *       {@code csc}.
 * </ul>
 */
public final class SecretScrubber {
  public static final String CARD = "[card]";
  public static final String TOKEN = "[token]";
  public static final String CVV = "[cvv]";
  /** What {@link #scrub} returns if scrubbing itself failed: the text is then not trusted at all. */
  public static final String REDACTED = "[redacted]";
  /** Longer input is cut, with its last, possibly broken, word dropped, before it is scanned. */
  public static final int MAX_INPUT_LENGTH = 4096;

  static final int MIN_CARD_DIGITS = 13;
  static final int MAX_CARD_DIGITS = 19;
  /** A credential's name is short; longer runs are data. */
  private static final int MAX_NAME_LENGTH = 64;
  /** A plain word after Bearer or Basic shorter than this is prose, not a credential. */
  private static final int MIN_WORDLIKE_SECRET_LENGTH = 16;
  private static final String[] SECRET_NAMES =
      {"token", "secret", "password", "passwd", "credential", "apikey", "api_key", "api-key"};
  private static final String[] CVV_NAMES = {"cvv2", "cvc2", "cvv", "cvc", "cid", "csc"};

  private SecretScrubber() {}

  /**
   * {@code text} with every secret masked: the same instance when there was nothing to mask and it
   * was not too long; null for null. Never throws.
   */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    try {
      String bounded = text.length() > MAX_INPUT_LENGTH ? cut(text) : text;
      return new Scan(bounded).run();
    } catch (RuntimeException e) {
      return REDACTED;
    }
  }

  /**
   * The first {@value #MAX_INPUT_LENGTH} characters without their last word, and without the digit
   * groups before it: a card number or token cut in two would no longer be recognised.
   */
  private static String cut(String text) {
    int end = MAX_INPUT_LENGTH;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    while (end > 0 && !Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
      while (end > 0 && Character.isDigit(text.charAt(end - 1))) {
        end--;
      }
    }
    return text.substring(0, end);
  }

  /** One pass over one string; builds the result only once something is masked. */
  private static final class Scan {
    private final String text;
    private final int length;
    private StringBuilder out;
    private int copied;

    Scan(String text) {
      this.text = text;
      this.length = text.length();
    }

    String run() {
      int i = 0;
      while (i < length) {
        char c = text.charAt(i);
        int next = -1;
        if (Character.isDigit(c)) {
          if (i == 0 || !Character.isDigit(text.charAt(i - 1))) {
            next = maskCards(i);
          }
        } else if (isAsciiLetter(c) && (i == 0 || !isAsciiLetterOrDigit(text.charAt(i - 1)))) {
          next = maskAfterWord(i);
          if (next < 0 && !isNameChar(i == 0 ? ' ' : text.charAt(i - 1))) {
            next = maskRun(i);
          }
        }
        i = next > i ? next : i + 1;
      }
      if (out == null) {
        return text;
      }
      out.append(text, copied, length);
      return out.toString();
    }

    private void replace(int start, int end, String replacement) {
      if (out == null) {
        out = new StringBuilder(length + 16);
      }
      out.append(text, copied, start).append(replacement);
      copied = end;
    }

    /**
     * Masks the card numbers in the digit groups starting at {@code start}; returns where the groups
     * end, so that none of them is scanned again.
     */
    private int maskCards(int start) {
      int firstEnd = digitsEnd(start);
      if (!continuesWithGroup(firstEnd)) {
        // Most digit runs are one group: no arrays for them.
        int digits = firstEnd - start;
        if (digits >= MIN_CARD_DIGITS && digits <= MAX_CARD_DIGITS && passesLuhn(start, firstEnd)) {
          replace(start, firstEnd, CARD);
        }
        return firstEnd;
      }
      int[] groupStarts = new int[8];
      int[] groupEnds = new int[8];
      int groups = 0;
      int i = start;
      while (true) {
        int groupStart = i;
        i = digitsEnd(i);
        if (groups == groupStarts.length) {
          groupStarts = Arrays.copyOf(groupStarts, groups * 2);
          groupEnds = Arrays.copyOf(groupEnds, groups * 2);
        }
        groupStarts[groups] = groupStart;
        groupEnds[groups] = i;
        groups++;
        if (!continuesWithGroup(i)) {
          break;
        }
        i++;
      }
      int first = 0;
      while (first < groups) {
        int last = cardEndingGroup(groupStarts, groupEnds, first, groups);
        if (last < 0) {
          first++;
        } else {
          replace(groupStarts[first], groupEnds[last], CARD);
          first = last + 1;
        }
      }
      return i;
    }

    private int digitsEnd(int from) {
      int i = from;
      while (i < length && Character.isDigit(text.charAt(i))) {
        i++;
      }
      return i;
    }

    /** Whether a single separator and another digit group follow the digits ending at {@code end}. */
    private boolean continuesWithGroup(int end) {
      return end + 1 < length && isCardSeparator(text.charAt(end))
          && Character.isDigit(text.charAt(end + 1));
    }

    /** The last group of the longest card number starting at group {@code first}, or -1. */
    private int cardEndingGroup(int[] groupStarts, int[] groupEnds, int first, int groups) {
      int digits = 0;
      int found = -1;
      for (int last = first; last < groups; last++) {
        digits += groupEnds[last] - groupStarts[last];
        if (digits > MAX_CARD_DIGITS) {
          break;
        }
        if (digits >= MIN_CARD_DIGITS && passesLuhn(groupStarts[first], groupEnds[last])) {
          found = last;
        }
      }
      return found;
    }

    private boolean passesLuhn(int start, int end) {
      int sum = 0;
      boolean doubled = false;
      for (int i = end - 1; i >= start; i--) {
        int digit = Character.digit(text.charAt(i), 10);
        if (digit < 0) {
          continue;
        }
        if (doubled) {
          digit *= 2;
          if (digit > 9) {
            digit -= 9;
          }
        }
        sum += digit;
        doubled = !doubled;
      }
      return sum % 10 == 0;
    }

    /** Bearer and Basic credentials and card verification codes after the word at {@code start}. */
    private int maskAfterWord(int start) {
      int wordEnd = start;
      while (wordEnd < length && wordEnd - start <= 6 && isAsciiLetterOrDigit(text.charAt(wordEnd))) {
        wordEnd++;
      }
      if (wordEnd < length && isAsciiLetterOrDigit(text.charAt(wordEnd))) {
        return -1;
      }
      if (wordIs(start, wordEnd, "bearer") || wordIs(start, wordEnd, "basic")) {
        return maskCredential(wordEnd);
      }
      for (String name : CVV_NAMES) {
        if (wordIs(start, wordEnd, name)) {
          return maskCvv(wordEnd);
        }
      }
      return -1;
    }

    private int maskCredential(int wordEnd) {
      int valueStart = wordEnd;
      while (valueStart < length && valueStart - wordEnd < 8
          && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
        valueStart++;
      }
      if (valueStart == wordEnd) {
        return -1;
      }
      int valueEnd = valueStart;
      while (valueEnd < length && isTokenChar(text.charAt(valueEnd))) {
        valueEnd++;
      }
      while (valueEnd < length && text.charAt(valueEnd) == '=') {
        valueEnd++;
      }
      if (valueEnd == valueStart || isPlainWord(valueStart, valueEnd)) {
        return -1;
      }
      replace(valueStart, valueEnd, TOKEN);
      return valueEnd;
    }

    private int maskCvv(int wordEnd) {
      int digitsStart = wordEnd;
      while (digitsStart < length && digitsStart - wordEnd < 4
          && " \t\"':=#-".indexOf(text.charAt(digitsStart)) >= 0) {
        digitsStart++;
      }
      int digitsEnd = digitsStart;
      while (digitsEnd < length && Character.isDigit(text.charAt(digitsEnd))) {
        digitsEnd++;
      }
      int digits = digitsEnd - digitsStart;
      // Digits that go on in groups are the start of a card number, not a code.
      if (digits < 3 || digits > 4 || continuesWithGroup(digitsEnd)) {
        return -1;
      }
      replace(digitsStart, digitsEnd, CVV);
      return digitsEnd;
    }

    /**
     * At the start of a run of name characters: the value assigned to it when its name is a
     * credential's, or the whole run when it is shaped like a JWT.
     */
    private int maskRun(int start) {
      int runEnd = start;
      while (runEnd < length && isNameChar(text.charAt(runEnd))) {
        runEnd++;
      }
      int assigned = maskAssignedValue(start, runEnd);
      if (assigned >= 0) {
        return assigned;
      }
      // A sentence's full stop after a token is not part of it (an unsigned JWT's final dot is).
      int tokenEnd = text.charAt(runEnd - 1) == '.' && isJwtShaped(start, runEnd - 1)
          ? runEnd - 1 : runEnd;
      if (isJwtShaped(start, tokenEnd)) {
        replace(start, tokenEnd, TOKEN);
        return tokenEnd;
      }
      return -1;
    }

    private int maskAssignedValue(int nameStart, int nameEnd) {
      if (nameEnd - nameStart > MAX_NAME_LENGTH) {
        return -1;
      }
      int i = skipSpaces(skipQuote(nameEnd));
      // The operator first: it is cheaper to look for than the names, and most words have none.
      if (i >= length || (text.charAt(i) != '=' && text.charAt(i) != ':')
          || !namesSecret(nameStart, nameEnd)) {
        return -1;
      }
      i = skipSpaces(i + 1);
      // JSON quoted inside a JSON string, as an error message may hold it: {\"password\":\"x\"}.
      boolean escaped = isEscapedQuote(i);
      if (escaped) {
        i++;
      }
      if (i >= length) {
        return -1;
      }
      char quote = text.charAt(i);
      int valueEnd;
      if (isQuote(quote)) {
        i++;
        valueEnd = escaped ? escapedClosingQuote(i, quote) : closingQuote(i, quote);
      } else {
        valueEnd = i;
        while (valueEnd < length && !isValueDelimiter(text.charAt(valueEnd))) {
          valueEnd++;
        }
      }
      if (valueEnd == i) {
        return -1;
      }
      replace(i, valueEnd, TOKEN);
      return valueEnd;
    }

    /** Past a quote (or backslash and quote) closing a name at {@code at}, if there is one. */
    private int skipQuote(int at) {
      if (isEscapedQuote(at)) {
        return at + 2;
      }
      return at < length && isQuote(text.charAt(at)) ? at + 1 : at;
    }

    private boolean isEscapedQuote(int at) {
      return at + 1 < length && text.charAt(at) == '\\' && isQuote(text.charAt(at + 1));
    }

    private int escapedClosingQuote(int from, char quote) {
      int end = text.indexOf("\\" + quote, from);
      return end < 0 ? length : end;
    }

    /** Where a quoted value starting at {@code from} ends; a backslash escapes the next character. */
    private int closingQuote(int from, char quote) {
      int i = from;
      while (i < length && text.charAt(i) != quote) {
        i += text.charAt(i) == '\\' ? 2 : 1;
      }
      return Math.min(i, length);
    }

    private boolean namesSecret(int start, int end) {
      for (String name : SECRET_NAMES) {
        for (int i = start; i + name.length() <= end; i++) {
          if (text.regionMatches(/* ignoreCase= */ true, i, name, 0, name.length())) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * A JWT ({@code eyJ...}, which is {@code {"} in base64url) or another run of three or more
     * dot-separated parts that all look random.
     */
    private boolean isJwtShaped(int start, int end) {
      int dots = 0;
      for (int i = start; i < end && dots < 2; i++) {
        if (text.charAt(i) == '.') {
          dots++;
        }
      }
      if (dots < 2) {
        return false;
      }
      int parts = 0;
      boolean allRandom = true;
      int partStart = start;
      for (int i = start; i <= end; i++) {
        if (i == end || text.charAt(i) == '.') {
          parts++;
          allRandom &= i - partStart >= MIN_WORDLIKE_SECRET_LENGTH && !isPlainWord(partStart, i)
              && !isPlainSlug(partStart, i);
          partStart = i + 1;
        }
      }
      if (parts < 3) {
        return false;
      }
      int firstDot = text.indexOf('.', start);
      boolean jwtHeader = firstDot - start >= 10 && text.startsWith("eyJ", start)
          && text.indexOf('.', firstDot + 1) - firstDot > 2;
      return jwtHeader || allRandom;
    }

    /** Letters only, with at most an initial capital: prose such as {@code Token} or {@code auth}. */
    private boolean isPlainWord(int start, int end) {
      if (end - start >= MIN_WORDLIKE_SECRET_LENGTH) {
        return false;
      }
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        boolean upper = c >= 'A' && c <= 'Z';
        if (!(c >= 'a' && c <= 'z') && !(upper && i == start)) {
          return false;
        }
      }
      return true;
    }

    /** Lower-case words joined by dashes or underscores, as in host names and file names. */
    private boolean isPlainSlug(int start, int end) {
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (!(c >= 'a' && c <= 'z') && c != '-' && c != '_') {
          return false;
        }
      }
      return true;
    }

    private boolean wordIs(int start, int end, String word) {
      return end - start == word.length()
          && text.regionMatches(/* ignoreCase= */ true, start, word, 0, word.length());
    }

    private int skipSpaces(int from) {
      int i = from;
      while (i < length && i - from < 8 && text.charAt(i) == ' ') {
        i++;
      }
      return i;
    }
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  private static boolean isCardSeparator(char c) {
    return c == ' ' || c == '-';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  /** Characters of credential names and of base64url runs (JWT parts joined by dots). */
  private static boolean isNameChar(char c) {
    return isAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private static boolean isTokenChar(char c) {
    return isAsciiLetterOrDigit(c) || "-._~+/".indexOf(c) >= 0;
  }

  private static boolean isValueDelimiter(char c) {
    return Character.isWhitespace(c) || "&,;\"'}])<>".indexOf(c) >= 0;
  }
}

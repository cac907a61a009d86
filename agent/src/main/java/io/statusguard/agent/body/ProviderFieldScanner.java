package io.statusguard.agent.body;

/**
 * Reads the provider's {@code SC}, {@code EC} and {@code EM} among the top-level keys of a JSON object,
 * and skips everything else without building it. Tolerant by design: the text may be cut anywhere (the
 * agent holds a body's first 8 KiB, or what the application read), may nest arbitrarily deep (skipping
 * counts brackets, it does not recurse) and may be no JSON at all; the scan then stops with what it
 * has. A value cut before its end is dropped, never kept in part. Never throws. Not thread-safe: one
 * instance per scan.
 */
final class ProviderFieldScanner {
  /** Characters of a message kept before it is masked; the event keeps fewer. */
  static final int MAX_RAW_MESSAGE_CHARS = 1024;
  /** The provider's codes are 1 or 8 characters; anything far longer is not one. */
  static final int MAX_CODE_CHARS = 16;
  private static final int MAX_KEY_CHARS = 8;
  private static final int MAX_TOKEN_CHARS = 32;

  private final String text;
  private int pos;
  private boolean lastStringCut;
  private int status;
  private String code;
  private String message;
  private boolean messageCut;

  private ProviderFieldScanner(String text, int objectStart) {
    this.text = text;
    this.pos = objectStart;
  }

  /** Scans the object whose {@code '{'} is at {@code objectStart} of {@code text}. */
  static ProviderFieldScanner scan(String text, int objectStart) {
    ProviderFieldScanner scanner = new ProviderFieldScanner(text, objectStart);
    scanner.scanObject();
    return scanner;
  }

  /** {@code SC}, or 0 when absent or not a status. */
  int status() {
    return status;
  }

  /** {@code EC}, or null when absent or not a code. */
  String code() {
    return code;
  }

  /** {@code EM} as sent (unescaped), at most {@value #MAX_RAW_MESSAGE_CHARS} characters, or null. */
  String message() {
    return message;
  }

  /** Whether {@link #message()} is the start of a longer message. */
  boolean messageCut() {
    return messageCut;
  }

  private void scanObject() {
    pos++;
    while (true) {
      skipWhitespace();
      if (atEnd()) {
        return;
      }
      char c = text.charAt(pos);
      if (c == ',') {
        pos++;
        continue;
      }
      if (c != '"') {
        return;
      }
      String key = readString(MAX_KEY_CHARS);
      if (key == null || lastStringCut) {
        if (key == null || !skipToValue() || !skipValue()) {
          return;
        }
        continue;
      }
      if (!skipToValue() || !readField(key)) {
        return;
      }
    }
  }

  /** Passes the colon after a key; false when the text ends or is not an object. */
  private boolean skipToValue() {
    skipWhitespace();
    if (atEnd() || text.charAt(pos) != ':') {
      return false;
    }
    pos++;
    skipWhitespace();
    return !atEnd();
  }

  /** Reads the value of {@code key}; false when the text ended within it. */
  private boolean readField(String key) {
    switch (key) {
      case "SC":
        return readStatus();
      case "EC":
        return readCode();
      case "EM":
        return readMessage();
      default:
        return skipValue();
    }
  }

  private boolean readStatus() {
    String value = readScalar(MAX_TOKEN_CHARS);
    if (value == null) {
      return false;
    }
    if (status == 0 && !lastStringCut && value.length() <= 3 && isDigits(value)) {
      status = Integer.parseInt(value);
    }
    return true;
  }

  private boolean readCode() {
    String value = readScalar(MAX_CODE_CHARS);
    if (value == null) {
      return false;
    }
    if (code == null && !lastStringCut && !value.isEmpty() && isCodeCharacters(value)) {
      code = value;
    }
    return true;
  }

  private boolean readMessage() {
    if (text.charAt(pos) != '"') {
      return skipValue();
    }
    String value = readString(MAX_RAW_MESSAGE_CHARS);
    if (value == null) {
      return false;
    }
    if (message == null) {
      message = value;
      messageCut = lastStringCut;
    }
    return true;
  }

  /**
   * A string's content, or a bare token (number, literal) as written; null when the text ends first.
   * An object or array is skipped and reads as an empty value, marked cut so that nobody keeps it.
   */
  private String readScalar(int maxChars) {
    char c = text.charAt(pos);
    if (c == '"') {
      return readString(maxChars);
    }
    if (c == '{' || c == '[') {
      lastStringCut = true;
      return skipValue() ? "" : null;
    }
    int start = pos;
    while (!atEnd() && !isDelimiter(text.charAt(pos))) {
      pos++;
    }
    if (atEnd()) {
      // "40" at the end of a cut body may have been "404".
      return null;
    }
    lastStringCut = pos - start > maxChars;
    return text.substring(start, Math.min(pos, start + maxChars));
  }

  /**
   * Reads the string whose opening quote is at {@code pos}, keeping at most {@code maxChars} of its
   * unescaped characters (then {@link #lastStringCut} is set) and moving past its closing quote;
   * null when the text ends inside it.
   */
  private String readString(int maxChars) {
    StringBuilder value = new StringBuilder(Math.min(maxChars, 64));
    lastStringCut = false;
    pos++;
    while (!atEnd()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        if (atEnd()) {
          return null;
        }
        char escaped = text.charAt(pos++);
        if (escaped == 'u') {
          if (pos + 4 > text.length()) {
            return null;
          }
          c = unicodeEscape(text, pos);
          pos += 4;
        } else {
          c = unescape(escaped);
        }
      }
      if (value.length() < maxChars) {
        value.append(c);
      } else {
        lastStringCut = true;
      }
    }
    return null;
  }

  /** Skips one value of any kind; false when the text ends within it. */
  private boolean skipValue() {
    char first = text.charAt(pos);
    if (first == '"') {
      return skipString();
    }
    if (first != '{' && first != '[') {
      while (!atEnd() && !isDelimiter(text.charAt(pos))) {
        pos++;
      }
      return !atEnd();
    }
    long depth = 0;
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c == '"') {
        if (!skipString()) {
          return false;
        }
        continue;
      }
      pos++;
      if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return true;
      }
    }
    return false;
  }

  private boolean skipString() {
    pos++;
    while (!atEnd()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return true;
      }
      if (c == '\\') {
        pos++;
      }
    }
    return false;
  }

  private void skipWhitespace() {
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private static boolean isDelimiter(char c) {
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static char unicodeEscape(String text, int start) {
    int value = 0;
    for (int i = start; i < start + 4; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        return '\uFFFD';
      }
      value = value * 16 + digit;
    }
    return (char) value;
  }

  private static char unescape(char escaped) {
    switch (escaped) {
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      default:
        // '"', '\\', '/', and anything a lenient server escapes without need.
        return escaped;
    }
  }

  private static boolean isDigits(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isCodeCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
          || c == '-' || c == '_';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}

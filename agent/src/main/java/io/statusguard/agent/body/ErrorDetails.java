package io.statusguard.agent.body;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.secret.SecretScrubber;
import io.statusguard.event.BodyFormat;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a captured error body says, in the provider's terms: its format and, for a JSON object, the
 * top-level {@code SC}, {@code EC} and {@code EM}. {@link #read} runs on the publisher thread, never on
 * the application's; the message it keeps is masked and at most {@value #MAX_MESSAGE_CHARS} characters.
 * Immutable.
 */
public final class ErrorDetails {
  /** The longest {@code EM} an event carries. */
  public static final int MAX_MESSAGE_CHARS = 256;

  private static final ErrorDetails OTHER = new ErrorDetails(BodyFormat.OTHER, 0, null, null);
  private static final ErrorDetails XML = new ErrorDetails(BodyFormat.XML, 0, null, null);
  private static final ErrorDetails EMPTY_JSON = new ErrorDetails(BodyFormat.JSON, 0, null, null);

  private final BodyFormat format;
  private final int providerStatus;
  private final String errorCode;
  private final String errorMessage;

  private ErrorDetails(BodyFormat format, int providerStatus, String errorCode,
      String errorMessage) {
    this.format = format;
    this.providerStatus = providerStatus;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }

  /** The details of the body {@code tap} captured; {@code contentType} is the response's header. */
  public static ErrorDetails read(BodyTap tap, String contentType) {
    return read(tap.capturedBytes(), tap.contentEncoding(), contentType);
  }

  /**
   * The details of {@code captured}, the first bytes of a body in {@code contentEncoding} (null when
   * not encoded). Never throws: bytes it cannot make sense of are {@link BodyFormat#OTHER}.
   */
  static ErrorDetails read(byte[] captured, String contentEncoding, String contentType) {
    try {
      byte[] decoded = ContentDecoding.decode(captured, contentEncoding);
      if (decoded == null) {
        return OTHER;
      }
      String text = new String(decoded, StandardCharsets.UTF_8);
      int first = firstSignificant(text);
      if (first < 0) {
        return byContentType(contentType);
      }
      char c = text.charAt(first);
      if (c == '<') {
        return XML;
      }
      if (c != '{') {
        return OTHER;
      }
      ProviderFieldScanner fields = ProviderFieldScanner.scan(text, first);
      return new ErrorDetails(BodyFormat.JSON, fields.status(), fields.code(),
          maskedMessage(fields.message(), fields.messageCut()));
    } catch (RuntimeException e) {
      return OTHER;
    }
  }

  /** For a body the application never read, or an empty one: the format its header declares. */
  private static ErrorDetails byContentType(String contentType) {
    if (contentType == null) {
      return OTHER;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters))
        .trim().toLowerCase(Locale.ROOT);
    if (mediaType.endsWith("/json") || mediaType.endsWith("+json")) {
      return EMPTY_JSON;
    }
    if (mediaType.endsWith("/xml") || mediaType.endsWith("+xml")) {
      return XML;
    }
    return OTHER;
  }

  /** The index of the first character that is no whitespace or byte order mark, or -1. */
  private static int firstSignificant(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\uFEFF') {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code message} masked and bounded. A message cut short may end in part of a card number, too
   * short for the card check to recognise: the digits at a cut go, before masking and after
   * shortening alike.
   */
  static String maskedMessage(String message, boolean cut) {
    if (message == null) {
      return null;
    }
    String visible = withoutControlCharacters(cut ? withoutTrailingDigits(message) : message);
    String masked = SecretScrubber.scrub(visible);
    if (masked.length() > MAX_MESSAGE_CHARS) {
      masked = withoutTrailingDigits(masked.substring(0, MAX_MESSAGE_CHARS));
    }
    masked = masked.trim();
    return masked.isEmpty() ? null : masked;
  }

  /** {@code text} without the run of digits, spaces and dashes it ends with. */
  private static String withoutTrailingDigits(String text) {
    int end = text.length();
    while (end > 0) {
      char c = text.charAt(end - 1);
      if ((c < '0' || c > '9') && c != ' ' && c != '-') {
        break;
      }
      end--;
    }
    return text.substring(0, end);
  }

  private static String withoutControlCharacters(String text) {
    StringBuilder visible = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (visible == null) {
          visible = new StringBuilder(text);
        }
        visible.setCharAt(i, ' ');
      }
    }
    return visible == null ? text : visible.toString();
  }

  public BodyFormat format() {
    return format;
  }

  /** {@code SC}, or 0 when the body had none. */
  public int providerStatus() {
    return providerStatus;
  }

  /** {@code EC}, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** {@code EM}, masked, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  @Override
  public String toString() {
    return "ErrorDetails{" + format + ", SC=" + providerStatus + ", EC=" + errorCode + ", EM="
        + errorMessage + '}';
  }
}

package io.statusguard.event;

/**
 * What an error body the agent captured turned out to be. The provider answers JSON with {@code SC},
 * {@code EC} and {@code EM}, except when the caller's IP address is not allowed: then 401, 403 and 500
 * come with XML, which is why the format is worth a field of its own.
 */
public enum BodyFormat {
  /** A JSON object; the event carries whichever of SC, EC and EM it held. */
  JSON("json"),
  /** An XML document (by Content-Type, or by a body starting with {@code <}). */
  XML("xml"),
  /** Anything else: text, HTML, an empty body, or bytes the agent could not read. */
  OTHER("other");

  private final String wireName;

  BodyFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Returns the format with {@code wireName}, or {@link #OTHER} for a name this version does not know. */
  public static BodyFormat fromWireName(String wireName) {
    for (BodyFormat format : values()) {
      if (format.wireName.equals(wireName)) {
        return format;
      }
    }
    return OTHER;
  }
}

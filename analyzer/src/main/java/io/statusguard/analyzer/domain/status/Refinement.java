package io.statusguard.analyzer.domain.status;

import java.util.Objects;

/**
 * A more specific classification for one status, chosen by what the response body looked like: its
 * content type, its {@code EM} message, or both. Each condition is a case-insensitive substring; a null
 * condition is not checked, but at least one must be given.
 */
public record Refinement(String contentTypeContains, String errorMessageContains, Classification classification) {
  public Refinement {
    Objects.requireNonNull(classification, "classification");
    if (blank(contentTypeContains) && blank(errorMessageContains)) {
      throw new IllegalArgumentException("a refinement needs a content type or an error message to match");
    }
    contentTypeContains = blank(contentTypeContains) ? null : contentTypeContains;
    errorMessageContains = blank(errorMessageContains) ? null : errorMessageContains;
  }

  /** True when every condition given holds for the response's content type and error message (either may be null). */
  public boolean matches(String contentType, String errorMessage) {
    return (contentTypeContains == null || containsIgnoreCase(contentType, contentTypeContains))
        && (errorMessageContains == null || containsIgnoreCase(errorMessage, errorMessageContains));
  }

  private static boolean containsIgnoreCase(String text, String part) {
    if (text == null) {
      return false;
    }
    // regionMatches avoids lower-casing, and so allocating, on the path every response takes.
    for (int i = 0, last = text.length() - part.length(); i <= last; i++) {
      if (text.regionMatches(/* ignoreCase= */ true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}

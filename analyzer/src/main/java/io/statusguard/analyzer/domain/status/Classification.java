package io.statusguard.analyzer.domain.status;

import java.util.Objects;

/** A response's class with the provider's cause and what to do about it, as the provider profile words them. */
public record Classification(StatusClass statusClass, String cause, String advice) {
  public Classification {
    Objects.requireNonNull(statusClass, "statusClass");
    requireText(cause, "cause");
    requireText(advice, "advice");
  }

  private static void requireText(String text, String name) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}

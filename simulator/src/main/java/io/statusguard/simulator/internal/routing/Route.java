package io.statusguard.simulator.internal.routing;

import java.util.List;
import java.util.Objects;

/**
 * One row of the route table: a method and a path template such as
 * {@code /v1/clients/{ClientID}/transactions/{TransactionID}} that select an operation.
 */
public record Route(String method, String template, Operation operation) {

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(operation, "operation");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("template must start with '/': " + template);
    }
  }

  List<String> segments() {
    return List.of(template.substring(1).split("/", -1));
  }

  static boolean isPlaceholder(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  static String placeholderName(String segment) {
    return segment.substring(1, segment.length() - 1);
  }
}

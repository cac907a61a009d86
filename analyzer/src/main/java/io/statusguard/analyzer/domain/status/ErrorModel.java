package io.statusguard.analyzer.domain.status;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The provider's error model: a rule per known status code, a classification per status family
 * ({@code 2xx}, {@code 4xx}, ...) for codes without a rule, and one for everything else. Immutable and
 * thread-safe; {@link #classify} allocates nothing.
 */
public final class ErrorModel {
  /** Status codes run from 0 (no response) to 999, as the event contract allows. */
  public static final int MAX_STATUS = 999;

  private final Map<Integer, StatusRule> statuses;
  private final Map<Integer, Classification> families;
  private final Classification otherwise;
  // Indexed by status code and by hundreds: the lookup every response takes.
  private final StatusRule[] ruleByStatus = new StatusRule[MAX_STATUS + 1];
  private final Classification[] byFamily = new Classification[10];

  private ErrorModel(Map<Integer, StatusRule> statuses, Map<Integer, Classification> families,
      Classification otherwise) {
    this.statuses = statuses;
    this.families = families;
    this.otherwise = otherwise;
    statuses.forEach((status, rule) -> ruleByStatus[status] = rule);
    families.forEach((hundreds, classification) -> byFamily[hundreds] = classification);
  }

  /**
   * Creates a model.
   *
   * @param statuses a rule per status code, 0 to {@value #MAX_STATUS}
   * @param families a classification per family, keyed by its hundreds digit (2 for {@code 2xx}), 1 to 9
   * @param otherwise the classification of a status neither {@code statuses} nor {@code families} covers
   */
  public static ErrorModel of(Map<Integer, StatusRule> statuses, Map<Integer, Classification> families,
      Classification otherwise) {
    Objects.requireNonNull(otherwise, "otherwise");
    for (Integer status : statuses.keySet()) {
      if (status < 0 || status > MAX_STATUS) {
        throw new IllegalArgumentException("status must be between 0 and " + MAX_STATUS + ", got " + status);
      }
    }
    for (Integer hundreds : families.keySet()) {
      if (hundreds < 1 || hundreds > 9) {
        throw new IllegalArgumentException("a family is 1xx to 9xx, got " + hundreds + "xx");
      }
    }
    return new ErrorModel(Collections.unmodifiableMap(new TreeMap<>(statuses)),
        Collections.unmodifiableMap(new TreeMap<>(families)), otherwise);
  }

  /**
   * Classifies one response.
   *
   * @param status the HTTP status, 0 when no response arrived
   * @param contentType the response's Content-Type, or null
   * @param errorMessage the provider's {@code EM} field, or null
   */
  public Classification classify(int status, String contentType, String errorMessage) {
    if (status < 0 || status > MAX_STATUS) {
      return otherwise;
    }
    StatusRule rule = ruleByStatus[status];
    if (rule != null) {
      return rule.classify(contentType, errorMessage);
    }
    Classification family = status >= 100 ? byFamily[status / 100] : null;
    return family != null ? family : otherwise;
  }

  /** The rules by status code, in ascending order. */
  public Map<Integer, StatusRule> statuses() {
    return statuses;
  }

  /** The family classifications by hundreds digit, in ascending order. */
  public Map<Integer, Classification> families() {
    return families;
  }

  public Classification otherwise() {
    return otherwise;
  }
}

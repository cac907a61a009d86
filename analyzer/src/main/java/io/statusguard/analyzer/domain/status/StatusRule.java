package io.statusguard.analyzer.domain.status;

import java.util.List;
import java.util.Objects;

/** How one status code is classified: the first matching refinement, else the status's own classification. */
public record StatusRule(Classification classification, List<Refinement> refinements) {
  public StatusRule {
    Objects.requireNonNull(classification, "classification");
    refinements = List.copyOf(refinements);
  }

  public static StatusRule of(Classification classification) {
    return new StatusRule(classification, List.of());
  }

  Classification classify(String contentType, String errorMessage) {
    // By index: an iterator would be the one allocation of a response's classification.
    for (int i = 0; i < refinements.size(); i++) {
      Refinement refinement = refinements.get(i);
      if (refinement.matches(contentType, errorMessage)) {
        return refinement.classification();
      }
    }
    return classification;
  }
}

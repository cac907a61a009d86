package io.statusguard.analyzer.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.statusguard.analyzer.domain.status.Classification;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.status.Refinement;
import io.statusguard.analyzer.domain.status.StatusClass;
import io.statusguard.analyzer.domain.status.StatusRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profile document as YAML binds it. Each record checks its own part in its constructor, so that a
 * mistake is reported at the line Jackson was reading. Only the error model is bound; other top-level
 * sections belong to other components and are skipped.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProfileDocument(String name, @JsonProperty(required = true) ErrorModelSection errorModel) {

  ProfileDocument {
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }

  /** The {@code errorModel:} section. */
  record ErrorModelSection(
      @JsonProperty(required = true) Map<Integer, StatusEntry> statuses,
      Map<String, ClassEntry> families,
      @JsonProperty(required = true) ClassEntry otherwise) {
    private static final Pattern FAMILY = Pattern.compile("([1-9])xx");

    ErrorModelSection {
      for (Integer status : statuses.keySet()) {
        if (status < 0 || status > ErrorModel.MAX_STATUS) {
          throw new IllegalArgumentException(
              "status " + status + " is out of range; statuses run from 0 (no response) to " + ErrorModel.MAX_STATUS);
        }
      }
      families = families == null ? Map.of() : families;
      for (String family : families.keySet()) {
        if (!FAMILY.matcher(family).matches()) {
          throw new IllegalArgumentException("family '" + family + "' is not of the form 2xx, 4xx, 5xx");
        }
      }
    }

    ErrorModel toErrorModel() {
      Map<Integer, StatusRule> rules = new TreeMap<>();
      statuses.forEach((status, entry) -> rules.put(status, entry.toRule()));
      Map<Integer, Classification> byFamily = new TreeMap<>();
      families.forEach((family, entry) -> {
        Matcher matcher = FAMILY.matcher(family);
        if (matcher.matches()) {
          byFamily.put(Integer.parseInt(matcher.group(1)), entry.toClassification());
        }
      });
      return ErrorModel.of(rules, byFamily, otherwise.toClassification());
    }
  }

  /** One status: its classification and the refinements tried before it. */
  record StatusEntry(
      @JsonProperty(value = "class", required = true) StatusClass statusClass,
      @JsonProperty(required = true) String cause,
      @JsonProperty(required = true) String advice,
      List<RefinementEntry> refinements) {

    StatusEntry {
      new Classification(statusClass, cause, advice);
      refinements = refinements == null ? List.of() : List.copyOf(refinements);
    }

    StatusRule toRule() {
      List<Refinement> list = new ArrayList<>();
      for (RefinementEntry refinement : refinements) {
        list.add(refinement.toRefinement());
      }
      return new StatusRule(new Classification(statusClass, cause, advice), list);
    }
  }

  /** A refinement: conditions on the body, and the classification that applies when they hold. */
  record RefinementEntry(
      String contentTypeContains,
      String errorMessageContains,
      @JsonProperty(value = "class", required = true) StatusClass statusClass,
      @JsonProperty(required = true) String cause,
      @JsonProperty(required = true) String advice) {

    RefinementEntry {
      // Fields are assigned after a compact constructor's body, so the check reads the parameters.
      new Refinement(contentTypeContains, errorMessageContains, new Classification(statusClass, cause, advice));
    }

    Refinement toRefinement() {
      return new Refinement(contentTypeContains, errorMessageContains, new Classification(statusClass, cause, advice));
    }
  }

  /** A classification without conditions: a family's, or the one for everything else. */
  record ClassEntry(
      @JsonProperty(value = "class", required = true) StatusClass statusClass,
      @JsonProperty(required = true) String cause,
      @JsonProperty(required = true) String advice) {

    ClassEntry {
      new Classification(statusClass, cause, advice);
    }

    Classification toClassification() {
      return new Classification(statusClass, cause, advice);
    }
  }
}

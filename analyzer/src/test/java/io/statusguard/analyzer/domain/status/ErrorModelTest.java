package io.statusguard.analyzer.domain.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorModelTest {
  private static final Classification FORBIDDEN = classification(StatusClass.AUTH_OR_IP_BLOCK);
  private static final Classification BLOCKED = classification(StatusClass.IP_BLOCKED);
  private static final Classification PERMISSION = classification(StatusClass.PERMISSION);
  private static final Classification XML_PERMISSION = classification(StatusClass.LOCKED);
  private static final Classification OK = classification(StatusClass.SUCCESS);
  private static final Classification CLIENT = classification(StatusClass.CLIENT_FIXABLE);
  private static final Classification OTHERWISE = classification(StatusClass.UNKNOWN);

  private final ErrorModel model = ErrorModel.of(
      Map.of(
          200, StatusRule.of(OK),
          403, new StatusRule(FORBIDDEN, List.of(
              new Refinement("xml", "Permission", XML_PERMISSION),
              new Refinement("xml", null, BLOCKED),
              new Refinement(null, "Permission", PERMISSION)))),
      Map.of(4, CLIENT),
      OTHERWISE);

  @Test
  void classifiesAKnownStatusByItsRule() {
    assertThat(model.classify(200, "application/json", null)).isEqualTo(OK);
    assertThat(model.classify(403, "application/json", "Forbidden")).isEqualTo(FORBIDDEN);
  }

  @Test
  void triesRefinementsInOrderBeforeTheStatusRule() {
    assertThat(model.classify(403, "text/xml; charset=utf-8", "No Permission")).isEqualTo(XML_PERMISSION);
    assertThat(model.classify(403, "application/xml", null)).isEqualTo(BLOCKED);
    assertThat(model.classify(403, "application/json", "Insufficient Permissions")).isEqualTo(PERMISSION);
  }

  @Test
  void matchesConditionsIgnoringCase() {
    assertThat(model.classify(403, "APPLICATION/XML", null)).isEqualTo(BLOCKED);
    assertThat(model.classify(403, null, "permission denied")).isEqualTo(PERMISSION);
  }

  @Test
  void aMissingContentTypeOrMessageMatchesNoConditionOnIt() {
    assertThat(model.classify(403, null, null)).isEqualTo(FORBIDDEN);
  }

  @Test
  void classifiesAStatusWithoutARuleByItsFamilyElseOtherwise() {
    assertThat(model.classify(418, null, null)).isEqualTo(CLIENT);
    assertThat(model.classify(503, null, null)).isEqualTo(OTHERWISE);
    assertThat(model.classify(0, null, null)).isEqualTo(OTHERWISE);
    assertThat(model.classify(99, null, null)).isEqualTo(OTHERWISE);
    assertThat(model.classify(1000, null, null)).isEqualTo(OTHERWISE);
    assertThat(model.classify(-1, null, null)).isEqualTo(OTHERWISE);
  }

  @Test
  void rejectsStatusesAndFamiliesOutOfRange() {
    assertThatThrownBy(() -> ErrorModel.of(Map.of(1000, StatusRule.of(OK)), Map.of(), OTHERWISE))
        .hasMessage("status must be between 0 and 999, got 1000");
    assertThatThrownBy(() -> ErrorModel.of(Map.of(), Map.of(0, OK), OTHERWISE))
        .hasMessage("a family is 1xx to 9xx, got 0xx");
  }

  @Test
  void aRefinementNeedsACondition() {
    assertThatThrownBy(() -> new Refinement(" ", null, OK))
        .hasMessage("a refinement needs a content type or an error message to match");
  }

  @Test
  void aClassificationNeedsCauseAndAdvice() {
    assertThatThrownBy(() -> new Classification(StatusClass.SUCCESS, "", "x")).hasMessage("cause must not be blank");
    assertThatThrownBy(() -> new Classification(StatusClass.SUCCESS, "x", null)).hasMessage("advice must not be blank");
  }

  @Test
  void readsClassesByTheirWireNames() {
    for (StatusClass statusClass : StatusClass.values()) {
      assertThat(StatusClass.fromWireName(statusClass.wireName())).contains(statusClass);
    }
    assertThat(StatusClass.fromWireName("sucess")).isEmpty();
  }

  private static Classification classification(StatusClass statusClass) {
    return new Classification(statusClass, statusClass.wireName() + " cause", statusClass.wireName() + " advice");
  }
}

package io.statusguard.analyzer.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statusguard.analyzer.domain.status.Classification;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.status.Refinement;
import io.statusguard.analyzer.domain.status.StatusClass;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderProfileTest {
  private static final ErrorModel BUILT_IN = ProviderProfile.builtIn().errorModel();
  private static final String MINIMAL = """
      errorModel:
        statuses:
          200:
            class: success
            cause: The request was processed.
            advice: Nothing to do.
        otherwise:
          class: unknown
          cause: Something else.
          advice: Look.
      """;

  @TempDir
  Path directory;

  /** The provider's status page, status by status: the class it implies and a phrase of the cause it gives. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      200 | success          | successfully processed
      201 | pending          | pending (batch)
      207 | unknown_state    | UNKNOWN state
      400 | client_fixable   | not packed or contains newlines
      401 | auth_or_ip_block | Bearer token is invalid
      403 | auth_or_ip_block | Permission
      404 | client_fixable   | ReferenceID is not found
      405 | client_fixable   | method is not allowed
      406 | client_fixable   | web application firewall
      409 | client_fixable   | ReferenceID has already been used
      410 | client_fixable   | marked for deletion
      415 | client_fixable   | application/json
      421 | client_fixable   | too late to retrieve by ReferenceID
      422 | client_fixable   | invalid state
      423 | locked           | ClientID
      429 | rate_limited     | daily (24-hour rolling) limit
      431 | client_fixable   | header lines too big
      500 | provider_error   | problem processing the request
      502 | provider_error   | connecting to an application server
      503 | provider_error   | temporary condition
      504 | provider_error   | timed out
      """)
  void classifiesEveryStatusOnTheProviderPageAsThePageSays(int status, String statusClass, String causePhrase) {
    Classification classification = BUILT_IN.classify(status, "application/json", null);

    assertThat(classification.statusClass().wireName()).isEqualTo(statusClass);
    assertThat(classification.cause()).containsIgnoringCase(causePhrase);
    assertThat(classification.advice()).isNotBlank();
    assertThat(BUILT_IN.statuses()).containsKey(status);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      401 | application/xml                  |                                | ip_blocked
      403 | text/xml; charset=utf-8          |                                | ip_blocked
      500 | application/xml                  |                                | ip_blocked
      403 | application/json                 | Insufficient Permission        | permission
      403 | application/json                 |                                | auth_or_ip_block
      422 | application/json                 | Exceeds your Transaction Limit | limit_exceeded
      422 | application/json                 | Destination Disabled           | card_disabled
      422 | application/json                 | Source Disabled                | card_disabled
      422 | application/json                 | Account not active             | client_fixable
      429 | application/json                 | Limits Lock                    | rate_limited
      500 | application/json                 |                                | provider_error
      401 | application/json                 |                                | auth_or_ip_block
      """)
  void refinesByContentTypeAndErrorMessage(int status, String contentType, String errorMessage, String statusClass) {
    assertThat(BUILT_IN.classify(status, contentType, errorMessage).statusClass().wireName()).isEqualTo(statusClass);
  }

  @Test
  void explainsWhatEachRefinementMeans() {
    assertThat(BUILT_IN.classify(403, "application/xml", null).cause()).contains("IP address is not allowed");
    assertThat(BUILT_IN.classify(429, "application/json", "Limits Lock").cause()).contains("Limits Lock");
    assertThat(BUILT_IN.classify(422, null, "Destination Disabled").advice()).contains("QueryCard");
    assertThat(BUILT_IN.classify(422, null, "Transaction Limit").advice()).contains("RetrieveClient");
  }

  @ParameterizedTest
  @CsvSource({"299, success", "418, client_fixable", "599, provider_error", "302, unknown", "101, unknown",
      "999, unknown", "0, no_response"})
  void classifiesAnUnknownStatusByItsFamily(int status, String statusClass) {
    assertThat(BUILT_IN.classify(status, null, null).statusClass().wireName()).isEqualTo(statusClass);
  }

  @Test
  void usesEveryClassTheAnalyzerKnows() {
    Stream<Classification> used = BUILT_IN.statuses().values().stream()
        .flatMap(rule -> Stream.concat(Stream.of(rule.classification()),
            rule.refinements().stream().map(Refinement::classification)));

    assertThat(used.map(Classification::statusClass))
        .containsAll(EnumSet.complementOf(EnumSet.of(StatusClass.UNKNOWN)));
    assertThat(BUILT_IN.otherwise().statusClass()).isEqualTo(StatusClass.UNKNOWN);
  }

  @Test
  void loadsAReplacementFileAndSkipsSectionsOfOtherComponents() throws Exception {
    Path file = write("name: acme\nroutes:\n  - path: /v1/x\n" + MINIMAL);

    ProviderProfile profile = ProviderProfile.load(file);

    assertThat(profile.name()).isEqualTo("acme");
    assertThat(profile.errorModel().classify(200, null, null).statusClass()).isEqualTo(StatusClass.SUCCESS);
    assertThat(profile.errorModel().classify(404, null, null).statusClass()).isEqualTo(StatusClass.UNKNOWN);
  }

  @Test
  void readsTheBuiltInDocumentThatItSharesWithTheAgent() throws Exception {
    String shared;
    try (var in = ProviderProfile.class.getResourceAsStream(ProviderProfile.BUILT_IN_RESOURCE)) {
      shared = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(shared).contains("\nhosts:\n", "\nroutes:\n", "\nerrorModel:\n");
    assertThat(ProviderProfile.builtIn().name()).isEqualTo("default-provider");
    ErrorModel fromFile = ProviderProfile.load(write(shared)).errorModel();
    assertThat(fromFile.statuses()).isEqualTo(BUILT_IN.statuses());
    assertThat(fromFile.families()).isEqualTo(BUILT_IN.families());
  }

  @Test
  void acceptsTheAgentsHostsAndRoutesInAUsersProfile() throws Exception {
    Path file = write("""
        name: petstore
        hosts: ["petstore.test", "*.petstore.test"]
        routes:
          - operation: getPetById
            method: GET
            path: /api/v3/pets/{petId}?status={Status}
            flags: [dryRun]
            resource: petId
            client: petId
        """ + MINIMAL);

    assertThat(ProviderProfile.load(file).name()).isEqualTo("petstore");
  }

  @Test
  void namesTheLineOfAnUnknownClass() {
    assertInvalid(MINIMAL.replace("class: success", "class: sucess"), 4,
        "(errorModel.statuses.200.class): unknown class 'sucess'; known classes: success, pending,");
  }

  @Test
  void namesAMissingKey() {
    assertInvalid(MINIMAL.replace("      cause: The request was processed.\n", ""), 3,
        "(errorModel.statuses.200.cause): missing key 'cause'");
  }

  @Test
  void namesAnUnknownKey() {
    assertInvalid(MINIMAL.replace("      advice: Nothing to do.\n", "      advice: Nothing to do.\n      note: x\n"), 7,
        "(errorModel.statuses.200.note): unknown key 'note'; known keys: advice, cause, class, refinements");
  }

  @Test
  void namesARefinementWithoutCondition() {
    String yaml = MINIMAL.replace("      advice: Nothing to do.\n", """
              advice: Nothing to do.
              refinements:
                - class: success
                  cause: c
                  advice: a
        """);
    assertInvalid(yaml, 8, "(errorModel.statuses.200.refinements.0): a refinement needs a content type or an error "
        + "message to match");
  }

  @Test
  void namesAStatusThatIsNotANumberOrOutOfRange() {
    assertInvalid(MINIMAL.replace("    200:", "    2x0:"), 3, "'2x0' is not a status code (a number from 0 to 999)");
    assertInvalid(MINIMAL.replace("    200:", "    1200:"), -1, "status 1200 is out of range");
  }

  @Test
  void namesADuplicateStatus() {
    String yaml = MINIMAL.replace("  otherwise:", "    200:\n      class: success\n      cause: again\n"
        + "      advice: again\n  otherwise:");
    assertInvalid(yaml, 7, "Duplicate field '200'");
  }

  @Test
  void namesTheLineOfAYamlSyntaxError() {
    assertInvalid(MINIMAL.replace("      cause: The request was processed.", "      cause: [unclosed"), 5, "");
  }

  @Test
  void reportsAMissingSectionAndAnEmptyDocument() {
    assertInvalid("name: x\n", -1, "(errorModel): missing key 'errorModel'");
    assertInvalid("", -1, "the profile is empty");
  }

  @Test
  void reportsAFileThatCannotBeRead() {
    Path missing = directory.resolve("missing.yaml");

    assertThatThrownBy(() -> ProviderProfile.load(missing))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessageStartingWith("cannot read provider profile " + missing);
  }

  private Path write(String yaml) throws Exception {
    Path file = directory.resolve("profile.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  /** Asserts the error's line (when {@code line} is positive) and that its message contains {@code detail}. */
  private static void assertInvalid(String yaml, int line, String detail) {
    assertThatThrownBy(() -> ProviderProfile.read(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"))
        .isInstanceOfSatisfying(InvalidProfileException.class, e -> {
          assertThat(e.getMessage()).startsWith("invalid provider profile test.yaml").contains(detail);
          if (line > 0) {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).contains("line " + line);
          }
        });
  }
}

package io.statusguard.agent.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The secrets of the error-body scenarios, none of which may reach any record on the topic: the
 * card numbers in the request's path and query and in the error message (with their separators and
 * without), the CVV, and the token sent as {@code Authorization: Bearer}, in the query and echoed in
 * the error message.
 */
final class ErrorBodySecrets {
  private static final List<String> ANYWHERE = List.of(
      ErrorBodyScenarios.CARD_IN_PATH, ErrorBodyScenarios.CARD_IN_PATH.replace("-", ""),
      ErrorBodyScenarios.CARD_IN_PATH.replace('-', ' '),
      ErrorBodyScenarios.CARD_IN_QUERY, ErrorBodyScenarios.CARD_IN_QUERY.replace("-", ""),
      ScenarioApp.SECRET_TOKEN, "SECRETTOKEN");
  /**
   * Pieces no text value may hold. Numbers (times, durations) may hold any digits, and so may the
   * instance id, which ends in the process id.
   */
  private static final List<String> IN_TEXT = List.of("4111", "5500-", ErrorBodyScenarios.CVV,
      "cvv=", "access_token=");

  private ErrorBodySecrets() {}

  /** Fails on the first record, heartbeats included, that holds a piece of a secret. */
  static void assertNoneIn(List<ConsumerRecord<String, String>> records) {
    for (ConsumerRecord<String, String> record : records) {
      assertThat(record.value()).doesNotContain(ANYWHERE.toArray(String[]::new));
      for (String text : PublishedEvent.textValuesBesideTheInstanceId(PublishedEvent.tree(record.value()))) {
        assertThat(text).as(record.value()).doesNotContain(IN_TEXT.toArray(String[]::new));
      }
    }
  }
}

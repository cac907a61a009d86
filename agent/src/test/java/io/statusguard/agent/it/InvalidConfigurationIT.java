package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An agent that cannot run with its configuration says why in one line and stays aside, whether the
 * agent finds the fault at startup or Kafka finds it when the agent builds its producer; a
 * credential in the configuration is never part of that line.
 */
class InvalidConfigurationIT {
  private static final String SECRET = "hunter2-pw";
  private static Run baseline;

  @BeforeAll
  static void runWithoutAgent() throws Exception {
    baseline = ChildJvm.withoutAgent(ChildJvm.CURRENT_JAVA)
        .run("invalid-config-without-agent", JdkScenarioMain.class, "urlconnection");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bootstrap.servers=127.0.0.1:9092,queue.capacity=lots | queue.capacity must be an integer from"
          + " 1 to 1048576, got 'lots'",
      "service.name=payments | bootstrap.servers is required (e.g. -javaagent:statusguard-agent.jar="
          + "bootstrap.servers=127.0.0.1:9092)",
      "bootstrap.servers=127.0.0.1:9092,enabled=false | enabled=false",
      "config.file=/nonexistent/statusguard.properties | config.file"
          + " /nonexistent/statusguard.properties cannot be read: NoSuchFileException",
      "bootstrap.servers=127.0.0.1:9092,kafka.security.protocol=TLS | kafka.security.protocol"
          + " must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, got 'TLS'",
      "bootstrap.servers=127.0.0.1:9092,heartbeat.interval.ms=10 | heartbeat.interval.ms must be 0"
          + " (no heartbeats) or from 1000 to 3600000, got '10'",
  })
  void theApplicationRunsUntouchedAndOneLineSaysWhy(String agentArguments, String reason)
      throws Exception {
    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, agentArguments)
        .run("invalid-config-" + Integer.toHexString(agentArguments.hashCode()),
            JdkScenarioMain.class, "urlconnection");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).isEqualTo(baseline.outcomes());
    assertThat(run.stderr()).containsExactly("[statusguard] agent disabled: " + reason);
  }

  @Test
  void aSettingKafkaRejectsDisablesTheAgentAtItsFirstEventWithoutShowingCredentials()
      throws Exception {
    // A JAAS configuration without its closing semicolon: only Kafka's parser finds the fault.
    String arguments = "bootstrap.servers=127.0.0.1:9092,kafka.security.protocol=SASL_PLAINTEXT,"
        + "kafka.sasl.mechanism=PLAIN,kafka.sasl.jaas.config=org.apache.kafka.common.security.plain."
        + "PlainLoginModule required username=\"svc\" password=\"" + SECRET + "\"";

    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, arguments)
        .run("invalid-config-rejected-by-kafka", JdkScenarioMain.class, "urlconnection");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).isEqualTo(baseline.outcomes());
    assertThat(run.otherStderrLines()).isEqualTo(baseline.stderr());
    assertThat(run.agentLines()).hasSize(2);
    assertThat(run.agentLines().get(0))
        .startsWith("[statusguard] agent disabled: Kafka rejected the producer settings: ");
    assertThat(run.summary()).startsWith("[statusguard] agent stopped: seen=");
    assertThat(String.join("\n", run.stderr())).doesNotContain(SECRET);
  }
}

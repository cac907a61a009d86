package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.it.ChildJvm.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An agent that cannot run with its configuration says why in one line and stays aside. */
class InvalidConfigurationIT {
  private static Run baseline;

  @BeforeAll
  static void runWithoutAgent() throws Exception {
    baseline = ChildJvm.withoutAgent(ChildJvm.CURRENT_JAVA).run("invalid-config-without-agent",
        "urlconnection");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bootstrap.servers=127.0.0.1:9092,queue.capacity=lots | queue.capacity must be an integer from"
          + " 1 to 1048576, got 'lots'",
      "service.name=payments | bootstrap.servers is required (e.g. -javaagent:statusguard-agent.jar="
          + "bootstrap.servers=127.0.0.1:9092)",
      "bootstrap.servers=127.0.0.1:9092,enabled=false | enabled=false",
  })
  void theApplicationRunsUntouchedAndOneLineSaysWhy(String agentArguments, String reason)
      throws Exception {
    Run run = ChildJvm.withAgent(ChildJvm.CURRENT_JAVA, agentArguments)
        .run("invalid-config-" + Integer.toHexString(agentArguments.hashCode()), "urlconnection");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outcomes()).isEqualTo(baseline.outcomes());
    assertThat(run.stderr()).containsExactly("[statusguard] agent disabled: " + reason);
  }
}

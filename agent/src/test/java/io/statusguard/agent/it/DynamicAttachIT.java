package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import io.statusguard.agent.testsupport.ChildJvm;
import io.statusguard.agent.testsupport.ChildJvm.Started;
import io.statusguard.agent.testsupport.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent attached to a running JVM ({@code agentmain}) whose HTTP classes are loaded already:
 * they are retransformed, and the responses after the attach are recorded.
 */
class DynamicAttachIT {
  private static final Pattern SUMMARY = Pattern.compile(
      "\\[statusguard] agent stopped: seen=(\\d+)"
      + " sent=0 dropped=(\\d+) \\(queue_full=0 send_failed=(\\d+) encode_failed=0\\)");

  @Test
  void recordsResponsesOfClassesLoadedBeforeTheAttach() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    Path stopFile = Files.createTempFile("statusguard-attach", ".stop");
    Files.delete(stopFile);
    Started child = ChildJvm.withoutAgent(ChildJvm.CURRENT_JAVA)
        .start("attach", JdkScenarioMain.class, "urlconnection-ok", "600", "50",
            stopFile.toString());
    Run run;
    try {
      awaitOutcomes(child, 3);
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(child.pid()));
      try {
        vm.loadAgent(ChildJvm.agentJar().toString(),
            "bootstrap.servers=127.0.0.1:" + deadPort + ",flush.timeout.ms=500");
      } finally {
        vm.detach();
      }
      // The request in flight while the classes were retransformed completes without being seen.
      int outcomesAtAttach = outcomes(child) + 1;
      awaitOutcomes(child, outcomesAtAttach + 5);
      Files.createFile(stopFile);
      run = child.awaitExit();
    } finally {
      child.kill();
      Files.deleteIfExists(stopFile);
    }

    assertThat(run.exitCode()).isZero();
    Matcher summary = SUMMARY.matcher(run.summary());
    assertThat(summary.matches()).as(run.summary()).isTrue();
    long seen = Long.parseLong(summary.group(1));
    assertThat(seen).isGreaterThanOrEqualTo(5).isLessThan(run.outcomes().size());
    assertThat(Long.parseLong(summary.group(2))).isEqualTo(seen);
  }

  private static int outcomes(Started child) throws IOException {
    return (int) child.stdoutSoFar().stream().filter(line -> line.startsWith("ok: ")).count();
  }

  private static void awaitOutcomes(Started child, int count)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (outcomes(child) < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("fewer than " + count + " requests within 60 s: "
            + child.stdoutSoFar());
      }
      Thread.sleep(50);
    }
  }
}

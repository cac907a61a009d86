package io.statusguard.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OrphanWatchdogTest {

  @Test
  void brokerDiesWhenItsParentJvmIsKilledWithoutRunningShutdownHooks(@TempDir Path dataDir)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process parent =
        new ProcessBuilder(
                java.toString(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                BrokerInChildJvm.class.getName(),
                dataDir.toString())
            .redirectError(Redirect.DISCARD)
            .start();
    try {
      assertThat(firstLine(parent)).isEqualTo("ready");
      List<ProcessHandle> brokers = parent.toHandle().children().toList();
      assertThat(brokers).hasSize(1);
      ProcessHandle broker = brokers.get(0);

      parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
      assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(broker.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    } finally {
      parent.destroyForcibly();
      parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static String firstLine(Process process) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return out.readLine();
  }
}

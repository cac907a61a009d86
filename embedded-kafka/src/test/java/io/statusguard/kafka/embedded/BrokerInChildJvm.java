package io.statusguard.kafka.embedded;

import java.nio.file.Path;

/**
 * Test fixture run in a separate JVM: starts a broker in the data directory named by its argument,
 * prints {@code ready}, and then waits to be killed.
 */
final class BrokerInChildJvm {
  private BrokerInChildJvm() {}

  public static void main(String[] args) throws Exception {
    KafkaBroker.start(BrokerOptions.defaults().withDataDir(Path.of(args[0])));
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

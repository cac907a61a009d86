package io.statusguard.kafka.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * Makes a data directory ready for a broker start: writes {@code server.properties} and the logging
 * configuration, installs the orphan watchdog's class file and, the first time, formats the KRaft
 * storage. Stateless.
 */
final class DataDirSetup {
  private DataDirSetup() {}

  static void prepare(
      DataDirLayout layout,
      BrokerCommand command,
      int port,
      int saslPort,
      BrokerOptions options,
      PortChoice ports,
      Deadline deadline)
      throws IOException {
    boolean formatted = Files.exists(layout.metaProperties());
    // The formatted metadata log records the controller's endpoint: a reused directory keeps it.
    int controllerPort =
        formatted && Files.exists(layout.serverProperties())
            ? ServerProperties.controllerPort(layout.serverProperties())
            : ports.next();
    ServerProperties.write(
        ServerProperties.of(
            port,
            controllerPort,
            saslPort,
            options.saslPlainUsers(),
            layout.kafkaLogDirs(),
            options.extraServerProperties()),
        layout.serverProperties());
    copyResource("broker-log4j2.xml", layout.log4jConfig());
    installWatchdog(layout);
    if (!formatted) {
      formatStorage(layout, command, deadline);
    }
  }

  private static void installWatchdog(DataDirLayout layout) throws IOException {
    String classFile = OrphanWatchdog.class.getName().replace('.', '/') + ".class";
    Path target = layout.launcherClasses().resolve(classFile);
    Files.createDirectories(target.getParent());
    copyResource(OrphanWatchdog.class.getSimpleName() + ".class", target);
  }

  private static void formatStorage(DataDirLayout layout, BrokerCommand command, Deadline deadline)
      throws IOException {
    Process format =
        new ProcessBuilder(command.formatStorage(Uuid.randomUuid().toString()))
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(layout.consoleFile().toFile()))
            .start();
    format.getOutputStream().close();
    try {
      if (!format.waitFor(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
        format.destroyForcibly();
        throw new IOException("Formatting the broker's storage timed out." + LogTail.of(layout));
      }
    } catch (InterruptedException e) {
      format.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while formatting the broker's storage", e);
    }
    if (format.exitValue() != 0) {
      throw new IOException(
          "Formatting the broker's storage failed with exit code "
              + format.exitValue()
              + '.'
              + LogTail.of(layout));
    }
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = DataDirSetup.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("Resource " + name + " is missing from statusguard-embedded-kafka");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

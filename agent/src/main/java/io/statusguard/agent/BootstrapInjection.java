package io.statusguard.agent;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Defines the {@code io.statusguard.agent.bootstrap} classes in the bootstrap class loader, the only
 * loader whose classes both {@code java.base} ({@code HttpURLConnection}) and {@code java.net.http}
 * can see. Their class files are copied from the agent jar into a temporary jar that is appended to
 * the bootstrap search path and deleted when the JVM exits.
 */
final class BootstrapInjection {
  /** Every class of the bootstrap package; a test keeps this list complete. */
  static final List<String> CLASS_NAMES = List.of(
      "io.statusguard.agent.bootstrap.AttachedTaps",
      "io.statusguard.agent.bootstrap.AttachedTaps$Attachment",
      "io.statusguard.agent.bootstrap.AttemptClock",
      "io.statusguard.agent.bootstrap.AttemptScope",
      "io.statusguard.agent.bootstrap.BodyTap",
      "io.statusguard.agent.bootstrap.CallDepth",
      "io.statusguard.agent.bootstrap.DiscardingSink",
      "io.statusguard.agent.bootstrap.HeldBodies",
      "io.statusguard.agent.bootstrap.ObservedExchange",
      "io.statusguard.agent.bootstrap.ResponseObservation",
      "io.statusguard.agent.bootstrap.ResponseSink",
      "io.statusguard.agent.bootstrap.ResponseSinks",
      "io.statusguard.agent.bootstrap.TappedInputStream");

  private BootstrapInjection() {}

  /** Injects the bootstrap classes; loads them all, so the temporary jar is not needed afterwards. */
  static void inject(Instrumentation instrumentation) throws IOException {
    File folder = Files.createTempDirectory("statusguard-agent").toFile();
    folder.deleteOnExit();
    try {
      ClassInjector.UsingInstrumentation
          .of(folder, ClassInjector.UsingInstrumentation.Target.BOOTSTRAP, instrumentation)
          .injectRaw(new LinkedHashSet<>(CLASS_NAMES),
              ClassFileLocator.ForClassLoader.of(BootstrapInjection.class.getClassLoader()));
    } finally {
      File[] files = folder.listFiles();
      if (files != null) {
        for (File file : files) {
          file.deleteOnExit();
        }
      }
    }
  }
}

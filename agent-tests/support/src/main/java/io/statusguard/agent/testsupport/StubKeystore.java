package io.statusguard.agent.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made once per test run with the JDK's
 * {@code keytool}, so that the child JVM's stub can serve HTTPS as the real provider does.
 */
public final class StubKeystore {
  public static final String PASSWORD = "statusguard";
  public static final String PROPERTY = "statusguard.it.keystore";

  private static Path keystore;

  private StubKeystore() {}

  public static synchronized Path path() throws IOException, InterruptedException {
    if (keystore != null) {
      return keystore;
    }
    Path runs = Files.createDirectories(
        Paths.get(System.getProperty("statusguard.it.runs", "target/it-runs")));
    Path file = runs.resolve("stub-" + ProcessHandle.current().pid() + ".p12");
    Files.deleteIfExists(file);
    Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "stub",
        "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true)
        .redirectOutput(runs.resolve("keytool.out").toFile())
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("keytool failed; see " + runs.resolve("keytool.out"));
    }
    keystore = file;
    return keystore;
  }
}

package io.statusguard.analyzer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.ingest.KafkaEventConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain core depends on no adapter: no Kafka, Micrometer, Prometheus, Jackson, HTTP or logging type,
 * nothing from the analyzer outside the domain, and no read of the system clock. Checked on the compiled
 * classes, so that a fully qualified name, a lambda or a generic signature cannot slip past an import scan.
 */
class DomainArchitectureTest {
  private static final List<String> FORBIDDEN_PACKAGES = List.of(
      "org/apache/kafka/", "io/micrometer/", "io/prometheus/", "com/fasterxml/jackson/", "com/sun/net/httpserver/",
      "java/net/", "picocli/", "org/slf4j/");
  private static final String ANALYZER = "io/statusguard/analyzer/";
  private static final String DOMAIN = "io/statusguard/analyzer/domain/";

  @Test
  void domainClassesReferToNoAdapterLibraryAndNoAnalyzerAdapter() throws Exception {
    List<String> violations = new ArrayList<>();
    List<ConstantPool> classes = domainClasses();

    for (ConstantPool pool : classes) {
      violations.addAll(dependencyViolations(pool));
    }

    assertThat(classes).as("domain classes found").hasSizeGreaterThan(15);
    assertThat(violations).isEmpty();
  }

  @Test
  void domainClassesNeverReadTheSystemClock() throws Exception {
    List<String> violations = new ArrayList<>();

    for (ConstantPool pool : domainClasses()) {
      violations.addAll(clockViolations(pool));
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void theCheckFindsAnAdapterThatDependsOnKafkaAndReadsTheClock() throws Exception {
    ConstantPool consumer = ConstantPool.read(classBytes(KafkaEventConsumer.class));

    assertThat(consumer.className()).isEqualTo("io/statusguard/analyzer/ingest/KafkaEventConsumer");
    assertThat(dependencyViolations(consumer)).anyMatch(violation -> violation.contains("org/apache/kafka/"));
    assertThat(clockViolations(consumer)).anyMatch(violation -> violation.contains("java/lang/System.nanoTime"));
  }

  private static List<String> dependencyViolations(ConstantPool pool) {
    List<String> violations = new ArrayList<>();
    for (String text : pool.texts()) {
      for (String forbidden : FORBIDDEN_PACKAGES) {
        if (text.contains(forbidden)) {
          violations.add(pool.className() + " refers to " + text);
        }
      }
      int analyzer = text.indexOf(ANALYZER);
      if (analyzer >= 0 && !text.startsWith(DOMAIN, analyzer)) {
        violations.add(pool.className() + " refers to " + text);
      }
    }
    return violations;
  }

  private static List<String> clockViolations(ConstantPool pool) {
    List<String> violations = new ArrayList<>();
    for (ConstantPool.MethodRef ref : pool.methodRefs()) {
      boolean systemTime = ref.owner().equals("java/lang/System")
          && (ref.name().equals("currentTimeMillis") || ref.name().equals("nanoTime"));
      boolean timeNow = ref.owner().startsWith("java/time/") && ref.name().equals("now");
      boolean systemClock = (ref.owner().equals("java/time/Clock") || ref.owner().equals("java/time/InstantSource"))
          && ref.name().startsWith("system");
      if (systemTime || timeNow || systemClock) {
        violations.add(pool.className() + " calls " + ref.owner() + '.' + ref.name());
      }
    }
    return violations;
  }

  private static List<ConstantPool> domainClasses() throws IOException, URISyntaxException {
    Path root = Path.of(ErrorModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<ConstantPool> pools = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve(DOMAIN))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        pools.add(ConstantPool.read(Files.readAllBytes(file)));
      }
    }
    return pools;
  }

  private static byte[] classBytes(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }
}

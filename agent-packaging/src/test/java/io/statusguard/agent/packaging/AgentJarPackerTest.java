package io.statusguard.agent.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarPackerTest {
  private static final String MANIFEST = "META-INF/MANIFEST.MF";
  private static final String OWN_CLASS = "own/Agent.class";
  private static final String CARRIED_CLASS = "shaded/tool/Tool.class";
  private static final String KAFKA_CLASS = "shaded/kafka/Producer.class";
  private static final String KAFKA_RESOURCE = "kafka/version.properties";
  private static final String NESTED_JAR = "META-INF/nested/kafka.jar";

  @TempDir
  Path folder;

  /** A class file javac wrote with every debug attribute: this module's own, read from the classpath. */
  private static byte[] compiledClass() throws IOException {
    try (InputStream in = DebugInfoStripper.class.getResourceAsStream(
        DebugInfoStripper.class.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }

  private Path shadedJar() throws IOException {
    byte[] compiled = compiledClass();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("META-INF/", new byte[0]);
    entries.put(MANIFEST, "Manifest-Version: 1.0\r\nPremain-Class: own.Agent\r\n\r\n"
        .getBytes(StandardCharsets.UTF_8));
    entries.put(OWN_CLASS, compiled);
    entries.put(KAFKA_CLASS, compiled);
    entries.put(CARRIED_CLASS, compiled);
    entries.put(KAFKA_RESOURCE, "version=4.4.0".getBytes(StandardCharsets.UTF_8));
    Path jar = folder.resolve("agent.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static PackingPlan plan(Path jar) {
    return PackingPlan.parse(List.of("--jar=" + jar, "--drop-local-variables=shaded/",
        "--drop-line-numbers=shaded/kafka/", "--nested-jar=" + NESTED_JAR, "--nest=shaded/kafka/",
        "--nest=kafka/"));
  }

  private static byte[] read(ZipFile jar, String name) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
      return in.readAllBytes();
    }
  }

  private static boolean mentions(byte[] classFile, String attribute) {
    return new String(classFile, StandardCharsets.ISO_8859_1).contains(attribute);
  }

  @Test
  void keepsTheManifestFirstAndTheOrderAndAppendsTheNestedJar() throws IOException {
    Path jar = shadedJar();

    assertThat(AgentJarPacker.pack(plan(jar))).isEqualTo(2);

    try (ZipFile packed = new ZipFile(jar.toFile())) {
      assertThat(Collections.list(packed.entries())).extracting(ZipEntry::getName)
          .containsExactly("META-INF/", MANIFEST, OWN_CLASS, CARRIED_CLASS, NESTED_JAR);
    }
  }

  @Test
  void leavesTheJarAsReadableAsTheShadePluginMadeIt() throws IOException {
    Path jar = shadedJar();
    assumeTrue(jar.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(jar, permissions);

    AgentJarPacker.pack(plan(jar));

    assertThat(Files.getPosixFilePermissions(jar)).isEqualTo(permissions);
  }

  @Test
  void nestsStoredEntriesInTheirOrderAndNothingElse() throws IOException {
    Path jar = shadedJar();

    AgentJarPacker.pack(plan(jar));

    List<String> names = new ArrayList<>();
    try (ZipFile packed = new ZipFile(jar.toFile());
        ZipInputStream nested = new ZipInputStream(
            new ByteArrayInputStream(read(packed, NESTED_JAR)))) {
      for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
        assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED);
        names.add(entry.getName());
        if (entry.getName().equals(KAFKA_RESOURCE)) {
          assertThat(new String(nested.readAllBytes(), StandardCharsets.UTF_8))
              .isEqualTo("version=4.4.0");
        }
      }
    }
    assertThat(names).containsExactly(KAFKA_CLASS, KAFKA_RESOURCE);
  }

  @Test
  void stripsOnlyTheDebugAttributesThePlanNames() throws IOException {
    Path jar = shadedJar();
    byte[] compiled = compiledClass();
    assertThat(mentions(compiled, "LocalVariableTable")).isTrue();
    assertThat(mentions(compiled, "LineNumberTable")).isTrue();

    AgentJarPacker.pack(plan(jar));

    try (ZipFile packed = new ZipFile(jar.toFile());
        ZipFile nested = nestedJar(packed)) {
      assertThat(read(packed, OWN_CLASS)).isEqualTo(compiled);
      byte[] carried = read(packed, CARRIED_CLASS);
      assertThat(mentions(carried, "LocalVariableTable")).isFalse();
      assertThat(mentions(carried, "LineNumberTable")).isTrue();
      assertThat(mentions(carried, "DebugInfoStripper.java")).as("source file").isTrue();
      byte[] kafka = read(nested, KAFKA_CLASS);
      assertThat(mentions(kafka, "LocalVariableTable")).isFalse();
      assertThat(mentions(kafka, "LineNumberTable")).isFalse();
      assertThat(mentions(kafka, "DebugInfoStripper.java")).as("source file").isTrue();
    }
  }

  private ZipFile nestedJar(ZipFile packed) throws IOException {
    Path nested = folder.resolve("nested.jar");
    Files.write(nested, read(packed, NESTED_JAR));
    return new ZipFile(nested.toFile());
  }

  @Test
  void aStrippedClassStillLoadsAndBehavesTheSame() throws Exception {
    byte[] compiled;
    try (InputStream in = StoredJar.class.getResourceAsStream("StoredJar.class")) {
      compiled = in.readAllBytes();
    }
    byte[] stripped = DebugInfoStripper.strip(compiled, /* localVariables= */ true,
        /* lineNumbers= */ true);
    assertThat(stripped.length).isLessThan(compiled.length);

    Class<?> copy = new ClassLoader(getClass().getClassLoader()) {
      Class<?> define() {
        return defineClass(StoredJar.class.getName(), stripped, 0, stripped.length);
      }
    }.define();

    assertThat(copy).isNotSameAs(StoredJar.class);
    assertThat(storedJarOf(copy)).isEqualTo(storedJarOf(StoredJar.class));
  }

  /** What a {@link StoredJar} (or a copy of its class) writes for one entry. */
  private static byte[] storedJarOf(Class<?> storedJar) throws Exception {
    var constructor = storedJar.getDeclaredConstructor();
    constructor.setAccessible(true);
    Object jar = constructor.newInstance();
    var add = storedJar.getDeclaredMethod("add", String.class, long.class, byte[].class);
    add.setAccessible(true);
    add.invoke(jar, KAFKA_RESOURCE, 0L, "version=4.4.0".getBytes(StandardCharsets.UTF_8));
    var finish = storedJar.getDeclaredMethod("finish");
    finish.setAccessible(true);
    return (byte[]) finish.invoke(jar);
  }

  @Test
  void refusesAJarItPackedAlready() throws IOException {
    Path jar = shadedJar();
    AgentJarPacker.pack(plan(jar));
    byte[] packed = Files.readAllBytes(jar);

    assertThatThrownBy(() -> AgentJarPacker.pack(plan(jar))).isInstanceOf(IOException.class)
        .hasMessageContaining("packed already");
    assertThat(Files.readAllBytes(jar)).isEqualTo(packed);
  }

  @Test
  void failsOnAPrefixThatMatchesNothing() throws IOException {
    Path jar = shadedJar();
    byte[] shaded = Files.readAllBytes(jar);
    PackingPlan plan = PackingPlan.parse(List.of("--jar=" + jar, "--nested-jar=" + NESTED_JAR,
        "--nest=shaded/kafka/", "--nest=shaded/renamed/"));

    assertThatThrownBy(() -> AgentJarPacker.pack(plan)).isInstanceOf(IOException.class)
        .hasMessageContaining("shaded/renamed/");
    assertThat(Files.readAllBytes(jar)).isEqualTo(shaded);
    try (var left = Files.list(folder)) {
      assertThat(left).containsExactly(jar);
    }
  }

  @Test
  void rejectsAnUnknownOptionAndNestingWithoutANestedJar() {
    assertThatThrownBy(() -> PackingPlan.parse(List.of("--jar=a.jar", "--shrink=all")))
        .hasMessage("unknown option --shrink");
    assertThatThrownBy(() -> PackingPlan.parse(List.of("--jar=a.jar", "--nest=shaded/")))
        .hasMessage("--nested-jar and --nest go together");
    assertThatThrownBy(() -> PackingPlan.parse(List.of("--drop-line-numbers=shaded/")))
        .hasMessage("--jar is required");
  }
}

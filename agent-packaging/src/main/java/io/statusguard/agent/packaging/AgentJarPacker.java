package io.statusguard.agent.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The build step after the shade plugin: rewrites the agent jar following a {@link PackingPlan}.
 * Classes the plan names lose debug attributes; entries the plan nests move, in their order, into
 * one {@link StoredJar} appended as the last entry; every other entry keeps its place, the manifest
 * first. Every entry is compressed at the highest level.
 *
 * <p>Run by the agent's build ({@code exec:java}, see {@code agent/pom.xml}) with the plan as
 * arguments, e.g. {@code --jar=target/statusguard-agent.jar --drop-local-variables=shaded/}.
 */
public final class AgentJarPacker {
  private AgentJarPacker() {}

  public static void main(String[] arguments) throws IOException {
    PackingPlan plan = PackingPlan.parse(Arrays.asList(arguments));
    long before = Files.size(plan.jar());
    int nested = pack(plan);
    System.out.printf("[statusguard] %s: %,d -> %,d bytes%s%n", plan.jar().getFileName(), before,
        Files.size(plan.jar()),
        plan.nestedJar() == null ? "" : ", " + nested + " entries nested in " + plan.nestedJar());
  }

  /** Rewrites the plan's jar in place; returns how many entries were nested. */
  static int pack(PackingPlan plan) throws IOException {
    // Beside the jar, so that the move replaces it in one step; created as any file, not private.
    Path packed = plan.jar().resolveSibling(plan.jar().getFileName() + ".packing");
    try {
      int nested = write(plan, packed);
      Files.move(packed, plan.jar(), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      return nested;
    } finally {
      Files.deleteIfExists(packed);
    }
  }

  private static int write(PackingPlan plan, Path target) throws IOException {
    Set<String> unmatched = new HashSet<>(plan.prefixes());
    StoredJar nestedJar = new StoredJar();
    try (ZipFile source = new ZipFile(plan.jar().toFile());
        OutputStream file = Files.newOutputStream(target);
        ZipOutputStream packed = new ZipOutputStream(file)) {
      packed.setLevel(Deflater.BEST_COMPRESSION);
      for (ZipEntry entry : Collections.list(source.entries())) {
        String name = entry.getName();
        if (name.equals(plan.nestedJar())) {
          // The jar plugin reused a jar this step had already rewritten (see agent/pom.xml).
          throw new IOException(plan.jar() + " is packed already: it holds " + name);
        }
        unmatched.removeIf(name::startsWith);
        byte[] content = content(source, entry, plan);
        if (plan.nests(name)) {
          nestedJar.add(name, entry.getTime(), content);
        } else {
          ZipEntry copy = new ZipEntry(name);
          copy.setTime(entry.getTime());
          packed.putNextEntry(copy);
          packed.write(content);
          packed.closeEntry();
        }
      }
      if (!unmatched.isEmpty()) {
        throw new IOException("no entry of " + plan.jar() + " starts with " + unmatched);
      }
      if (nestedJar.entries() > 0) {
        ZipEntry entry = new ZipEntry(plan.nestedJar());
        entry.setTime(nestedJar.firstEntryTime());
        packed.putNextEntry(entry);
        packed.write(nestedJar.finish());
        packed.closeEntry();
      }
    }
    return nestedJar.entries();
  }

  private static byte[] content(ZipFile source, ZipEntry entry, PackingPlan plan)
      throws IOException {
    byte[] content;
    try (InputStream in = source.getInputStream(entry)) {
      content = in.readAllBytes();
    }
    String name = entry.getName();
    if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
      return content;
    }
    return DebugInfoStripper.strip(content, plan.dropsLocalVariables(name),
        plan.dropsLineNumbers(name));
  }
}

package io.statusguard.agent.packaging;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link AgentJarPacker} does to one jar: which classes lose their local variable tables, which
 * lose their line numbers too, and which entries move into the nested jar. Each list holds prefixes of
 * entry names ({@code io/statusguard/agent/shaded/}); each prefix must match something, so that a
 * renamed package fails the build instead of quietly shipping a different jar.
 *
 * @param jar the jar, rewritten in place
 * @param localVariablesDropped classes that lose {@code LocalVariableTable} and {@code
 *     LocalVariableTypeTable}
 * @param lineNumbersDropped classes that lose {@code LineNumberTable}
 * @param nestedJar the name of the entry that holds the nested jar, or null for none
 * @param nested entries that move into the nested jar
 */
public record PackingPlan(Path jar, List<String> localVariablesDropped,
    List<String> lineNumbersDropped, String nestedJar, List<String> nested) {

  public PackingPlan {
    localVariablesDropped = List.copyOf(localVariablesDropped);
    lineNumbersDropped = List.copyOf(lineNumbersDropped);
    nested = List.copyOf(nested);
    if ((nestedJar == null) != nested.isEmpty()) {
      throw new IllegalArgumentException("--nested-jar and --nest go together");
    }
  }

  /**
   * Reads {@code --jar=PATH}, then any number of {@code --drop-local-variables=PREFIX}, {@code
   * --drop-line-numbers=PREFIX} and {@code --nest=PREFIX}, and at most one {@code --nested-jar=NAME}.
   */
  public static PackingPlan parse(List<String> arguments) {
    Path jar = null;
    String nestedJar = null;
    List<String> localVariables = new ArrayList<>();
    List<String> lineNumbers = new ArrayList<>();
    List<String> nested = new ArrayList<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      if (!argument.startsWith("--") || equals < 0 || equals == argument.length() - 1) {
        throw new IllegalArgumentException("expected --option=value, got '" + argument + "'");
      }
      String option = argument.substring(2, equals);
      String value = argument.substring(equals + 1);
      switch (option) {
        case "jar" -> jar = Paths.get(value);
        case "drop-local-variables" -> localVariables.add(value);
        case "drop-line-numbers" -> lineNumbers.add(value);
        case "nest" -> nested.add(value);
        case "nested-jar" -> nestedJar = value;
        default -> throw new IllegalArgumentException("unknown option --" + option);
      }
    }
    if (jar == null) {
      throw new IllegalArgumentException("--jar is required");
    }
    return new PackingPlan(jar, localVariables, lineNumbers, nestedJar, nested);
  }

  boolean dropsLocalVariables(String entryName) {
    return matches(localVariablesDropped, entryName);
  }

  boolean dropsLineNumbers(String entryName) {
    return matches(lineNumbersDropped, entryName);
  }

  boolean nests(String entryName) {
    return matches(nested, entryName);
  }

  /** Every prefix of the plan, each once. */
  List<String> prefixes() {
    List<String> all = new ArrayList<>(localVariablesDropped);
    all.addAll(lineNumbersDropped);
    all.addAll(nested);
    return all.stream().distinct().toList();
  }

  private static boolean matches(List<String> prefixes, String entryName) {
    for (String prefix : prefixes) {
      if (entryName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}

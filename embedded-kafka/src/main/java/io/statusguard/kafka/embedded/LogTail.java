package io.statusguard.kafka.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the last lines of log files for error messages, reading at most 64 KiB of each. */
final class LogTail {
  private static final int MAX_BYTES = 64 * 1024;
  private static final int BROKER_LINES = 40;

  private LogTail() {}

  /**
   * The last lines of a broker's console output and log, each under a heading naming its file, for
   * appending to an error message; empty if both are empty.
   */
  static String of(DataDirLayout layout) {
    StringBuilder message = new StringBuilder();
    for (Path file : List.of(layout.consoleFile(), layout.logFile())) {
      String tail = lastLines(file, BROKER_LINES);
      if (!tail.isBlank()) {
        message.append("\n--- last lines of ").append(file).append(" ---\n").append(tail);
      }
    }
    return message.toString();
  }

  /** The file's last {@code maxLines} lines, or an empty string if it is missing or unreadable. */
  static String lastLines(Path file, int maxLines) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}

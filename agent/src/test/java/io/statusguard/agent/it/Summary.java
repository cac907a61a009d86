package io.statusguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.testsupport.Run;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agent's exit line, {@code [statusguard] agent stopped: seen=N sent=N dropped=N (...)}, read. */
record Summary(long seen, long sent, long dropped, long queueFull, long sendFailed,
    long encodeFailed) {
  private static final Pattern LINE = Pattern.compile(
      "\\[statusguard] agent stopped: seen=(\\d+) sent=(\\d+) dropped=(\\d+)"
          + " \\(queue_full=(\\d+) send_failed=(\\d+) encode_failed=(\\d+)\\)");

  /** The summary of {@code run}, checked to account for every response seen. */
  static Summary of(Run run) {
    Matcher line = LINE.matcher(run.summary());
    assertThat(line.matches()).as(run.summary()).isTrue();
    Summary summary = new Summary(Long.parseLong(line.group(1)), Long.parseLong(line.group(2)),
        Long.parseLong(line.group(3)), Long.parseLong(line.group(4)),
        Long.parseLong(line.group(5)), Long.parseLong(line.group(6)));
    assertThat(summary.sent() + summary.dropped()).as(run.summary()).isEqualTo(summary.seen());
    assertThat(summary.queueFull() + summary.sendFailed() + summary.encodeFailed())
        .as(run.summary()).isEqualTo(summary.dropped());
    return summary;
  }
}

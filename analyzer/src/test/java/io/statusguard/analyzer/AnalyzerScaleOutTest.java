package io.statusguard.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.domain.FakeClock;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.window.SeriesKey;
import io.statusguard.analyzer.domain.window.SeriesRates;
import io.statusguard.analyzer.export.ResponseCounts;
import io.statusguard.analyzer.profile.ProviderProfile;
import io.statusguard.event.ResponseEvent;
import io.statusguard.testing.TestKafka;
import io.statusguard.testing.WithKafkaBroker;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Analyzers scale out as members of one consumer group, and a survivor takes over a stopped member's work. */
@WithKafkaBroker
class AnalyzerScaleOutTest {
  private static final int PARTITIONS = 6;
  private static final int EGRESS_GROUPS = 24;
  private static final int[] STATUSES = {200, 404, 409, 429};
  private static final ErrorModel MODEL = ProviderProfile.builtIn().errorModel();

  private final FakeClock clock = FakeClock.at(Instant.ofEpochSecond(Instant.now().getEpochSecond()));

  @Test
  void twoMembersOfAGroupTogetherCountWhatOneMemberCountsAlone(TestKafka kafka) throws Exception {
    String topic = "events-pair";
    kafka.createTopic(topic, PARTITIONS);
    try (GroupProgress pair = GroupProgress.of(kafka.bootstrapServers(), "pair", topic, PARTITIONS);
        GroupProgress single = GroupProgress.of(kafka.bootstrapServers(), "single", topic, PARTITIONS);
        Analyzer first = Analyzer.start(config(kafka, topic, "pair"), clock);
        Analyzer second = Analyzer.start(config(kafka, topic, "pair"), clock)) {
      // The events come once the pair has shared out the partitions, so that no rebalance replays any.
      awaitSharedBy(pair, 2, first, second);
      int sent = write(kafka, topic, 0, 1);

      try (Analyzer alone = Analyzer.start(config(kafka, topic, "single"), clock)) {
        Polling.awaitTrue("the pair to commit every record", pair::caughtUp);
        Polling.awaitTrue("the single member to commit every record", single::caughtUp);

        assertThat(first.snapshot().total()).isPositive();
        assertThat(second.snapshot().total()).isPositive();
        assertThat(merged(first.snapshot(), second.snapshot())).isEqualTo(alone.snapshot().counts());
        assertThat(alone.snapshot().total()).isEqualTo(sent);
        assertThat(union(first, second)).isEqualTo(windowCounts(alone));
      }
    }
  }

  @Test
  void theSurvivorTakesOverAStoppedMembersPartitionsWithItsWindows(TestKafka kafka) throws Exception {
    String topic = "events-failover";
    kafka.createTopic(topic, PARTITIONS);
    Analyzer stopped = Analyzer.start(config(kafka, topic, "failover"), clock);
    try (GroupProgress progress = GroupProgress.of(kafka.bootstrapServers(), "failover", topic, PARTITIONS);
        Analyzer survivor = Analyzer.start(config(kafka, topic, "failover"), clock)) {
      awaitSharedBy(progress, 2, survivor, stopped);
      int sent = write(kafka, topic, 0, 1);
      Polling.awaitTrue("the pair to commit every record", progress::caughtUp);
      assertThat(windowCounts(stopped)).isNotEmpty();

      // Events keep coming while one member stops.
      CompletableFuture<Integer> stream = CompletableFuture.supplyAsync(() -> write(kafka, topic, 1, 4));
      Thread.sleep(200);
      stopped.close();
      double countedByStopped = stopped.snapshot().total();
      sent += stream.get(Polling.PATIENCE.toSeconds(), TimeUnit.SECONDS);

      Polling.awaitTrue("the survivor to take every partition", () -> progress.membersWithPartitions() == 1);
      Polling.awaitTrue("the survivor to commit every record", progress::caughtUp);
      Polling.awaitTrue("the survivor to be ready", survivor::isReady);

      assertThat(countedByStopped + survivor.snapshot().total()).isEqualTo(sent);
      assertThat(windowCounts(survivor)).isEqualTo(expectedWindowCounts(4));
    } finally {
      stopped.close();
    }
  }

  /** Writes rounds {@code fromRound} to {@code toRound - 1}: each sends every status from every egress group. */
  private int write(TestKafka kafka, String topic, int fromRound, int toRound) {
    int sent = 0;
    try (TopicWriter writer = TopicWriter.open(kafka.bootstrapServers(), topic)) {
      for (int round = fromRound; round < toRound; round++) {
        for (int group = 0; group < EGRESS_GROUPS; group++) {
          for (int status : STATUSES) {
            writer.write(event(group, status), 1);
            sent++;
          }
        }
      }
    }
    return sent;
  }

  private ResponseEvent event(int egressGroup, int status) {
    return SampleEvents.retrieveTransaction(status).egressGroup("10.0.0." + egressGroup)
        .timeUnixMs(clock.millis() - 1_000).build();
  }

  /** Each series of the written events, with how many responses it got in {@code rounds} rounds. */
  private Map<SeriesKey, Double> expectedWindowCounts(int rounds) {
    Map<SeriesKey, Double> counts = new HashMap<>();
    for (int group = 0; group < EGRESS_GROUPS; group++) {
      for (int status : STATUSES) {
        counts.put(new SeriesKey(SampleEvents.SERVICE, "10.0.0." + group, "GET", "RetrieveTransaction",
            SampleEvents.TRANSACTION, status, MODEL.classify(status, "application/json", null).statusClass()),
            (double) rounds);
      }
    }
    return counts;
  }

  private static void awaitSharedBy(GroupProgress progress, int members, Analyzer... analyzers) throws Exception {
    Polling.awaitTrue(members + " members to share the partitions",
        () -> progress.membersWithPartitions() == members && List.of(analyzers).stream().allMatch(Analyzer::isReady));
  }

  private static Map<ResponseCounts.Key, Double> merged(ResponseCounts a, ResponseCounts b) {
    Map<ResponseCounts.Key, Double> merged = new HashMap<>(a.counts());
    b.counts().forEach((key, count) -> merged.merge(key, count, Double::sum));
    return merged;
  }

  /** The series both members hold, which must not overlap. */
  private static Map<SeriesKey, Double> union(Analyzer a, Analyzer b) {
    Map<SeriesKey, Double> union = new HashMap<>(windowCounts(a));
    windowCounts(b).forEach((key, count) -> assertThat(union.put(key, count)).as("%s on both members", key).isNull());
    return union;
  }

  private static Map<SeriesKey, Double> windowCounts(Analyzer analyzer) {
    Map<SeriesKey, Double> counts = new HashMap<>();
    for (SeriesRates series : analyzer.endpoints().series()) {
      counts.put(series.key(), series.eventsInRetention());
    }
    return counts;
  }

  private static AnalyzerConfig config(TestKafka kafka, String topic, String group) {
    return AnalyzerConfig.defaults()
        .withBootstrapServers(kafka.bootstrapServers())
        .withTopic(topic)
        .withGroupId(group)
        .withHttpHost("127.0.0.1")
        .withHttpPort(0);
  }
}

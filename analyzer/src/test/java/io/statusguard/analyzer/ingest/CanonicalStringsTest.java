package io.statusguard.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CanonicalStringsTest {
  private final CanonicalStrings strings = new CanonicalStrings();

  @Test
  void givesOneInstanceForARepeatedValueWhereverItSitsInTheBuffer() {
    String first = strings.of(buffer("..203.0.113.7.."), 2, 11);
    String again = strings.of(buffer("203.0.113.7"), 0, 11);

    assertThat(first).isEqualTo("203.0.113.7");
    assertThat(again).isSameAs(first);
  }

  @Test
  void tellsApartValuesThatDifferInOneCharacter() {
    String one = strings.of(buffer("pod-0-1:1000"), 0, 12);
    String two = strings.of(buffer("pod-0-2:1000"), 0, 12);

    assertThat(one).isEqualTo("pod-0-1:1000");
    assertThat(two).isEqualTo("pod-0-2:1000");
    assertThat(strings.of(buffer("pod-0-1:1000"), 0, 12)).isEqualTo("pod-0-1:1000");
  }

  @Test
  void keepsLongValuesOutOfTheTable() {
    String template = "/" + "x".repeat(CanonicalStrings.MAX_LENGTH);

    String first = strings.of(template.toCharArray(), 0, template.length());
    String again = strings.of(template.toCharArray(), 0, template.length());

    assertThat(again).isEqualTo(template).isNotSameAs(first);
  }

  @Test
  void readsTheEmptyValue() {
    assertThat(strings.of(new char[0], 0, 0)).isEmpty();
  }

  @Test
  void aFloodOfDistinctValuesOnlyReplacesEntries() {
    for (int i = 0; i < 100_000; i++) {
      String path = "/v1/transactions/" + Integer.toString(i, 36);
      assertThat(strings.of(path.toCharArray(), 0, path.length())).isEqualTo(path);
    }
  }

  @Test
  void threadsSharingTheTableAlwaysGetTheValueTheyRead() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        readers.add(pool.submit(() -> {
          int wrong = 0;
          for (int i = 0; i < 50_000; i++) {
            // Few enough values to share slots, many enough to keep replacing them.
            String value = "10.1." + (i % 37) + "." + (i % 11);
            if (!strings.of(value.toCharArray(), 0, value.length()).equals(value)) {
              wrong++;
            }
          }
          return wrong;
        }));
      }
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static char[] buffer(String text) {
    return text.toCharArray();
  }
}

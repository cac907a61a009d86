package io.statusguard.benchmarks.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.export.ResponseMetrics;
import org.junit.jupiter.api.Test;

class AnalyzerDrainTest {

  /** The harness waits on these counts: reading the wrong kind of meter would wait forever. */
  @Test
  void readsTheRecordsTheAnalyzersOwnMetricsCount() {
    ResponseMetrics metrics = ResponseMetrics.create(ResponseMetrics.DEFAULT_MAX_ENDPOINTS);
    for (int i = 0; i < 3; i++) {
      metrics.recordConsumed();
    }
    metrics.recordReplayed();
    metrics.recordReplayed();

    assertThat(AnalyzerDrain.recordsRead(metrics.registry())).isEqualTo(5);
  }
}

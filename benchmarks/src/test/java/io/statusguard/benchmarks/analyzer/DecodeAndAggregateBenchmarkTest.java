package io.statusguard.benchmarks.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.ingest.Decoded;
import org.junit.jupiter.api.Test;

class DecodeAndAggregateBenchmarkTest {

  @Test
  void everyRecordOfTheMixDecodesAndAggregates() {
    DecodeAndAggregateBenchmark benchmark = new DecodeAndAggregateBenchmark();
    benchmark.setUp();

    for (int i = 0; i < DecodeAndAggregateBenchmark.DISTINCT_EVENTS; i++) {
      assertThat(benchmark.decode()).isInstanceOf(Decoded.Accepted.class);
    }
    for (int i = 0; i < DecodeAndAggregateBenchmark.DISTINCT_EVENTS; i++) {
      benchmark.decodeAndAggregate();
    }
    for (int i = 0; i < DecodeAndAggregateBenchmark.DISTINCT_EVENTS / DecodeAndAggregateBenchmark.BATCH_RECORDS; i++) {
      benchmark.decodeBatchThenAggregate();
    }
  }
}

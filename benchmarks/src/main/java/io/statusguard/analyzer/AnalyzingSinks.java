package io.statusguard.analyzer;

import io.statusguard.analyzer.domain.agent.AgentDirectory;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.window.ResponseWindows;
import io.statusguard.analyzer.export.ResponseMetrics;
import io.statusguard.analyzer.ingest.IngestSink;

/**
 * Opens the analyzer's package-private sink to the benchmarks, so that they measure exactly what the
 * consumer thread runs after decoding (classification, windows, agent directory, metrics) rather than a
 * copy of it that could drift. It lives in the analyzer's package, on the class path beside the
 * analyzer's classes; when the sink changes, this stops compiling. Stateless.
 */
public final class AnalyzingSinks {
  private AnalyzingSinks() {}

  /** The sink {@link Analyzer#start} wires to the consumer, over the given parts. */
  public static IngestSink create(ErrorModel errorModel, ResponseWindows windows, AgentDirectory agents,
      ResponseMetrics metrics) {
    return new AnalyzingSink(errorModel, windows, agents, metrics);
  }
}

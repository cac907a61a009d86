package io.statusguard.analyzer;

import io.statusguard.analyzer.domain.agent.AgentDirectory;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.window.ResponseWindows;
import io.statusguard.analyzer.export.ResponseMetrics;
import io.statusguard.analyzer.ingest.Decoded;
import io.statusguard.analyzer.ingest.Delivery;
import io.statusguard.analyzer.ingest.IngestSink;
import io.statusguard.event.ResponseEvent;

/**
 * Where decoded records go: each response is classified in the error model, then counted in the windows
 * and the agent directory and, the first time its group reads it, in the Prometheus counters. Replayed
 * records touch no counter, so a restart or a rebalance rebuilds windows without counting twice. The
 * class, the window series and the meters of a shape of event seen lately are remembered in one place
 * ({@link ResponseRoutes}), so that a response costs one lookup rather than one in each. Called on the
 * consumer thread only.
 */
final class AnalyzingSink implements IngestSink {
  private final ResponseRoutes routes;
  private final ResponseWindows windows;
  private final AgentDirectory agents;
  private final ResponseMetrics metrics;

  AnalyzingSink(ErrorModel errorModel, ResponseWindows windows, AgentDirectory agents, ResponseMetrics metrics) {
    this.routes = new ResponseRoutes(errorModel);
    this.windows = windows;
    this.agents = agents;
    this.metrics = metrics;
  }

  @Override
  public void accept(Decoded decoded, Delivery delivery, long nowMillis) {
    boolean first = delivery == Delivery.NEW;
    if (first) {
      metrics.recordConsumed();
    } else {
      metrics.recordReplayed();
    }
    if (decoded instanceof Decoded.Accepted accepted) {
      ResponseEvent event = accepted.event();
      ResponseRoutes.Route route = routes.of(event);
      route.window = windows.record(event, route.classification, route.window, nowMillis);
      agents.record(event, nowMillis);
      if (first) {
        route.meters = metrics.recordResponse(event, route.classification.statusClass(), route.meters, nowMillis);
      }
    } else if (!first) {
      return;
    } else if (decoded instanceof Decoded.Rejected rejected) {
      metrics.recordDecodeFailure(rejected.reason());
    } else if (decoded instanceof Decoded.Skipped skipped) {
      metrics.recordSkipped(skipped.eventType());
    }
  }
}

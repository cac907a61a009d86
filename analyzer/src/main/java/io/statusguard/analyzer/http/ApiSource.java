package io.statusguard.analyzer.http;

import io.statusguard.analyzer.domain.agent.AgentsSnapshot;
import io.statusguard.analyzer.domain.window.WindowSnapshot;

/** What the JSON API serves, taken afresh for each request on an HTTP thread: must be thread-safe. */
public interface ApiSource {
  WindowSnapshot endpoints();

  AgentsSnapshot agents();
}

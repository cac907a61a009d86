package io.statusguard.agent.bootstrap;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** The sink that drops every observation, used while no agent runtime is active. */
enum DiscardingSink implements ResponseSink {
  INSTANCE;

  @Override
  public void onResponse(ResponseObservation observation) {}

  @Override
  public void onExchange(CompletableFuture<?> response, String method, URI uri, long startNanos) {}

  @Override
  public BodyTap onResponseBody(ResponseObservation observation, String contentEncoding) {
    return null;
  }
}

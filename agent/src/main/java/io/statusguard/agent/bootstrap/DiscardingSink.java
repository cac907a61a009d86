package io.statusguard.agent.bootstrap;

import java.net.URI;

/** The sink that drops every observation, used while no agent runtime is active. */
enum DiscardingSink implements ResponseSink {
  INSTANCE;

  @Override
  public void onResponse(ResponseObservation observation) {}

  @Override
  public Object onExchange(String method, URI uri, Object bodyHandler, long startNanos) {
    return bodyHandler;
  }

  @Override
  public BodyTap onResponseBody(ResponseObservation observation, String contentEncoding) {
    return null;
  }
}

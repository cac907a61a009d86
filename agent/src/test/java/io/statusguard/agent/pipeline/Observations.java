package io.statusguard.agent.pipeline;

import io.statusguard.agent.bootstrap.ResponseObservation;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/** Observations for tests, as the instrumentation would build them. */
final class Observations {
  private Observations() {}

  static ResponseObservation httpClient(String method, String uri, int status) {
    return ResponseObservation.ofHttpClient(method, URI.create(uri), status, null, 1_000_000L,
        3_500_000L, "application/json; charset=utf-8");
  }

  static ResponseObservation httpClientFailure(String method, String uri, Throwable failure) {
    return ResponseObservation.ofHttpClient(method, URI.create(uri), 0, failure, 1_000_000L,
        3_500_000L, null);
  }

  static ResponseObservation urlConnection(String method, String url, int status,
      Throwable failure) {
    return ResponseObservation.ofUrlConnection(method, toUrl(url), status, failure, 0L, 2_000L,
        status > 0 ? "application/xml" : null);
  }

  private static URL toUrl(String url) {
    try {
      return URI.create(url).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

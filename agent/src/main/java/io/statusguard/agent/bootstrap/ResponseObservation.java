package io.statusguard.agent.bootstrap;

import java.net.URI;
import java.net.URL;

/**
 * The raw facts of one physical HTTP response (or failed attempt), as cheap to build as possible: the
 * instrumented code allocates this one object and hands it over. Endpoint templating and everything that
 * could leak a secret happen later, on the publisher thread, which reads only what it needs.
 *
 * <p>Immutable; the target is either a {@link URI} or a {@link URL}, whichever the client holds, so
 * that no conversion runs on the application thread.
 */
public final class ResponseObservation {
  /** {@code client.library} of {@code java.net.http.HttpClient}. */
  public static final String JDK_HTTP_CLIENT = "jdk-httpclient";
  /** {@code client.library} of {@code java.net.HttpURLConnection} and {@code HttpsURLConnection}. */
  public static final String JDK_URL_CONNECTION = "jdk-urlconnection";

  private final String clientLibrary;
  private final String method;
  private final URI uri;
  private final URL url;
  private final int status;
  private final Throwable failure;
  private final long startNanos;
  private final long endNanos;
  private final String contentType;
  private final long timeUnixMs;

  private ResponseObservation(String clientLibrary, String method, URI uri, URL url, int status,
      Throwable failure, long startNanos, long endNanos, String contentType) {
    this.clientLibrary = clientLibrary;
    this.method = method;
    this.uri = uri;
    this.url = url;
    this.status = status;
    this.failure = failure;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.contentType = contentType;
    this.timeUnixMs = System.currentTimeMillis();
  }

  /**
   * A response of the JDK HTTP client; {@code status} is 0 or less when none arrived, and then
   * {@code failure} says why.
   */
  public static ResponseObservation ofHttpClient(String method, URI uri, int status, Throwable failure,
      long startNanos, long endNanos, String contentType) {
    return new ResponseObservation(JDK_HTTP_CLIENT, method, uri, null, status, failure, startNanos,
        endNanos, contentType);
  }

  /**
   * A response of {@code HttpURLConnection}; {@code status} is its {@code responseCode} (-1 when none
   * arrived, and then {@code failure} says why).
   */
  public static ResponseObservation ofUrlConnection(String method, URL url, int status,
      Throwable failure, long startNanos, long endNanos, String contentType) {
    return new ResponseObservation(JDK_URL_CONNECTION, method, null, url, status, failure, startNanos,
        endNanos, contentType);
  }

  public String clientLibrary() {
    return clientLibrary;
  }

  public String method() {
    return method;
  }

  /** The request target when the client holds a {@link URI}, else null. */
  public URI uri() {
    return uri;
  }

  /** The request target when the client holds a {@link URL}, else null. */
  public URL url() {
    return url;
  }

  public int status() {
    return status;
  }

  /** What the client threw or completed with, or null. */
  public Throwable failure() {
    return failure;
  }

  public long startNanos() {
    return startNanos;
  }

  public long endNanos() {
    return endNanos;
  }

  /** The raw Content-Type header of the response, or null. */
  public String contentType() {
    return contentType;
  }

  public long timeUnixMs() {
    return timeUnixMs;
  }
}

package io.statusguard.agent.bootstrap;

import java.net.URI;
import java.net.URL;

/**
 * The raw facts of one physical HTTP response (or failed attempt), as cheap to build as possible: the
 * instrumented code allocates this one object and hands it over. Endpoint templating and everything that
 * could leak a secret happen later, on the publisher thread, which reads only what it needs.
 *
 * <p>Immutable; the target is a {@link URI}, a {@link URL}, an absolute URL string, or an origin
 * (scheme, host, port) with a request target, whichever the client holds, so that no conversion runs
 * on the application thread.
 */
public final class ResponseObservation {
  /** {@code client.library} of {@code java.net.http.HttpClient}. */
  public static final String JDK_HTTP_CLIENT = "jdk-httpclient";
  /** {@code client.library} of {@code java.net.HttpURLConnection} and {@code HttpsURLConnection}. */
  public static final String JDK_URL_CONNECTION = "jdk-urlconnection";
  /** {@code client.library} of OkHttp 3, 4 and 5 (and of what is built on it, such as Retrofit). */
  public static final String OKHTTP = "okhttp";
  /** {@code client.library} of Reactor Netty's {@code HttpClient} (and Spring's clients on it). */
  public static final String REACTOR_NETTY = "reactor-netty";
  /** {@code client.library} of Jetty's {@code HttpClient} (and Spring's clients on it). */
  public static final String JETTY_HTTP_CLIENT = "jetty-httpclient";
  /** {@code client.library} of Apache HttpClient 4.x (classic). */
  public static final String APACHE_HTTPCLIENT_4 = "apache-httpclient-4";
  /** {@code client.library} of Apache HttpAsyncClient 4.x. */
  public static final String APACHE_HTTPASYNCCLIENT_4 = "apache-httpasyncclient-4";
  /** {@code client.library} of Apache HttpClient 5.x, classic and async alike. */
  public static final String APACHE_HTTPCLIENT_5 = "apache-httpclient-5";

  private final String clientLibrary;
  private final String method;
  private final URI uri;
  private final URL url;
  private final String urlString;
  private final String originScheme;
  private final String originHost;
  private final int originPort;
  private final String requestTarget;
  private final int status;
  private final Throwable failure;
  private final long startNanos;
  private final long endNanos;
  private final String contentType;
  private final long timeUnixMs;
  private final BodyTap body;

  private ResponseObservation(String clientLibrary, String method, URI uri, URL url,
      String urlString, int status, Throwable failure, long startNanos, long endNanos,
      String contentType) {
    this(clientLibrary, method, uri, url, urlString, null, null, -1, null, status, failure,
        startNanos, endNanos, contentType);
  }

  private ResponseObservation(String clientLibrary, String method, URI uri, URL url,
      String urlString, String originScheme, String originHost, int originPort,
      String requestTarget, int status, Throwable failure, long startNanos, long endNanos,
      String contentType) {
    this.clientLibrary = clientLibrary;
    this.method = method;
    this.uri = uri;
    this.url = url;
    this.urlString = urlString;
    this.originScheme = originScheme;
    this.originHost = originHost;
    this.originPort = originPort;
    this.requestTarget = requestTarget;
    this.status = status;
    this.failure = failure;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.contentType = contentType;
    this.timeUnixMs = System.currentTimeMillis();
    this.body = null;
  }

  private ResponseObservation(ResponseObservation observation, BodyTap body) {
    this.clientLibrary = observation.clientLibrary;
    this.method = observation.method;
    this.uri = observation.uri;
    this.url = observation.url;
    this.urlString = observation.urlString;
    this.originScheme = observation.originScheme;
    this.originHost = observation.originHost;
    this.originPort = observation.originPort;
    this.requestTarget = observation.requestTarget;
    this.status = observation.status;
    this.failure = observation.failure;
    this.startNanos = observation.startNanos;
    this.endNanos = observation.endNanos;
    this.contentType = observation.contentType;
    this.timeUnixMs = observation.timeUnixMs;
    this.body = body;
  }

  /**
   * A response of the JDK HTTP client; {@code status} is 0 or less when none arrived, and then
   * {@code failure} says why.
   */
  public static ResponseObservation ofHttpClient(String method, URI uri, int status, Throwable failure,
      long startNanos, long endNanos, String contentType) {
    return new ResponseObservation(JDK_HTTP_CLIENT, method, uri, null, null, status, failure,
        startNanos, endNanos, contentType);
  }

  /**
   * A response of {@code HttpURLConnection}; {@code status} is its {@code responseCode} (-1 when none
   * arrived, and then {@code failure} says why).
   */
  public static ResponseObservation ofUrlConnection(String method, URL url, int status,
      Throwable failure, long startNanos, long endNanos, String contentType) {
    return new ResponseObservation(JDK_URL_CONNECTION, method, null, url, null, status, failure,
        startNanos, endNanos, contentType);
  }

  /**
   * A response (or failed attempt) of a client that holds its target as a {@link URI}; {@code status}
   * is 0 or less when none arrived, and then {@code failure} says why.
   */
  public static ResponseObservation ofUri(String clientLibrary, String method, URI uri, int status,
      Throwable failure, long startNanos, long endNanos, String contentType) {
    return new ResponseObservation(clientLibrary, method, uri, null, null, status, failure,
        startNanos, endNanos, contentType);
  }

  /**
   * A response (or failed attempt) of a client that holds its target as an absolute URL string, which
   * is parsed later, off the application thread; {@code status} is 0 or less when none arrived, and
   * then {@code failure} says why.
   */
  public static ResponseObservation ofUrlString(String clientLibrary, String method, String url,
      int status, Throwable failure, long startNanos, long endNanos, String contentType) {
    return new ResponseObservation(clientLibrary, method, null, null, url, status, failure,
        startNanos, endNanos, contentType);
  }

  /**
   * A response (or failed attempt) of a client that holds its target as an origin and a request
   * target, as Apache HttpClient does: {@code requestTarget} is what goes on the request line, in
   * origin form ({@code /path?query}) or, through a proxy, absolute form; {@code originPort} is -1
   * for the scheme's default. Both are parsed later, off the application thread. {@code status} is 0
   * or less when no response arrived, and then {@code failure} says why.
   */
  public static ResponseObservation ofOrigin(String clientLibrary, String method,
      String originScheme, String originHost, int originPort, String requestTarget, int status,
      Throwable failure, long startNanos, long endNanos, String contentType) {
    return new ResponseObservation(clientLibrary, method, null, null, null, originScheme,
        originHost, originPort, requestTarget, status, failure, startNanos, endNanos, contentType);
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

  /** The request target when the client holds an absolute URL string, else null. */
  public String urlString() {
    return urlString;
  }

  /** The scheme of the origin the request went to, when the client holds an origin; else null. */
  public String originScheme() {
    return originScheme;
  }

  /** The host of the origin the request went to, when the client holds an origin; else null. */
  public String originHost() {
    return originHost;
  }

  /** The port of the origin, or -1 for the scheme's default (or when there is no origin). */
  public int originPort() {
    return originPort;
  }

  /** The request target sent to the origin ({@code /path?query}, or absolute form), or null. */
  public String requestTarget() {
    return requestTarget;
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

  /**
   * This observation with the ended tap of its body, whose captured bytes the publisher reads. Only
   * observations whose body was tapped pay for this copy.
   */
  public ResponseObservation withBody(BodyTap body) {
    return new ResponseObservation(this, body);
  }

  /** The ended tap of the response's body, or null when the body was not captured. */
  public BodyTap body() {
    return body;
  }
}

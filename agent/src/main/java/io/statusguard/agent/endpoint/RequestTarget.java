package io.statusguard.agent.endpoint;

import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.secret.SecretScrubber;
import java.net.URI;
import java.net.URL;
import java.util.Locale;

/**
 * Scheme, host, port and the raw path and query of the target of a request, however the client held it
 * (a {@link URI}, a {@link URL}, a URL string, or an origin and a request target). The host is lower
 * case without IPv6 brackets, and the port is explicit. Immutable.
 */
public final class RequestTarget {
  /** The longest DNS name, with room for IPv6 brackets. */
  public static final int MAX_HOST_LENGTH = 255;
  /**
   * Hosts that passed the scrubber lately, with their lower-case form. A client calls few hosts, so most
   * targets name one of these, and the scrubber's scan, a function of the host alone, need not run
   * again. Slots are read and written racily, which is safe: each holds an immutable pair, and a lost
   * update of the next slot only replaces another one.
   */
  private static final CleanHost[] cleanHosts = new CleanHost[4];
  private static int nextCleanHost;

  private final String scheme;
  private final String host;
  private final int port;
  private final String rawPath;
  private final String rawQuery;

  private RequestTarget(String scheme, String host, int port, String rawPath, String rawQuery) {
    this.scheme = scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
    this.host = host(host);
    this.port = port >= 0 ? port : defaultPort(this.scheme);
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
  }

  /** The observation's target; throws {@link IllegalArgumentException} if it has none that is usable. */
  public static RequestTarget of(ResponseObservation observation) {
    URI uri = observation.uri();
    if (uri != null) {
      return new RequestTarget(uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath(),
          uri.getRawQuery());
    }
    URL url = observation.url();
    if (url != null) {
      // URL keeps the path and query as the application wrote them, i.e. raw.
      return new RequestTarget(url.getProtocol(), url.getHost(), url.getPort(), url.getPath(),
          url.getQuery());
    }
    String urlString = observation.urlString();
    if (urlString != null) {
      return parse(urlString);
    }
    if (observation.originHost() != null) {
      return ofOrigin(observation);
    }
    throw new IllegalArgumentException("observation without a target");
  }

  /**
   * The target of a client that holds an origin and a request target: the request target's path
   * and query, or, when it is in absolute form (sent through a proxy), all of it.
   */
  private static RequestTarget ofOrigin(ResponseObservation observation) {
    String requestTarget = observation.requestTarget();
    if (requestTarget != null && requestTarget.indexOf("://") > 0) {
      return parse(requestTarget);
    }
    String pathAndQuery = requestTarget == null || !requestTarget.startsWith("/")
        ? "/" : requestTarget;
    int fragment = pathAndQuery.indexOf('#');
    if (fragment >= 0) {
      pathAndQuery = pathAndQuery.substring(0, fragment);
    }
    int query = pathAndQuery.indexOf('?');
    return new RequestTarget(observation.originScheme(), observation.originHost(),
        observation.originPort(), query < 0 ? pathAndQuery : pathAndQuery.substring(0, query),
        query < 0 ? null : pathAndQuery.substring(query + 1));
  }

  /**
   * Splits an absolute URL the way a client sends it, without {@link URI}'s strictness: a client
   * may hold a target that {@code URI} rejects (an unencoded brace, say) and still send it. User
   * info and fragment are dropped.
   */
  static RequestTarget parse(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd <= 0) {
      throw new IllegalArgumentException("not an absolute URL");
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = url.substring(authorityStart, authorityEnd);
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    int fragment = url.indexOf('#', authorityEnd);
    String pathAndQuery = url.substring(authorityEnd, fragment < 0 ? url.length() : fragment);
    int query = pathAndQuery.indexOf('?');
    return new RequestTarget(url.substring(0, schemeEnd), hostOf(hostAndPort), portOf(hostAndPort),
        query < 0 ? pathAndQuery : pathAndQuery.substring(0, query),
        query < 0 ? null : pathAndQuery.substring(query + 1));
  }

  /** The host of {@code host[:port]} or {@code [v6]:port}, brackets kept. */
  private static String hostOf(String hostAndPort) {
    int colon = portColon(hostAndPort);
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }

  private static int portOf(String hostAndPort) {
    int colon = portColon(hostAndPort);
    if (colon < 0 || colon == hostAndPort.length() - 1) {
      return -1;
    }
    String digits = hostAndPort.substring(colon + 1);
    if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a port");
    }
    return Integer.parseInt(digits);
  }

  private static int portColon(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    return colon > hostAndPort.lastIndexOf(']') ? colon : -1;
  }

  private static String host(String host) {
    if (host == null || host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
      throw new IllegalArgumentException("target without a usable host");
    }
    String bare = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    for (CleanHost known : cleanHosts) {
      if (known != null && known.host.equals(bare)) {
        return known.lowerCase;
      }
    }
    if (SecretScrubber.scrub(bare) != bare) {
      throw new IllegalArgumentException("a host that holds a card number or token");
    }
    CleanHost clean = new CleanHost(bare, bare.toLowerCase(Locale.ROOT));
    int slot = nextCleanHost;
    cleanHosts[slot] = clean;
    nextCleanHost = (slot + 1) % cleanHosts.length;
    return clean.lowerCase;
  }

  private static final class CleanHost {
    final String host;
    final String lowerCase;

    CleanHost(String host, String lowerCase) {
      this.host = host;
      this.lowerCase = lowerCase;
    }
  }

  /** The observation's host as {@link #of} reads it, or null when it has no usable target. */
  public static String hostOrNull(ResponseObservation observation) {
    try {
      return of(observation).host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String scheme() {
    return scheme;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String rawPath() {
    return rawPath;
  }

  public String rawQuery() {
    return rawQuery;
  }

  private static int defaultPort(String scheme) {
    if ("https".equals(scheme)) {
      return 443;
    }
    if ("http".equals(scheme)) {
      return 80;
    }
    throw new IllegalArgumentException("no port for scheme " + scheme);
  }
}

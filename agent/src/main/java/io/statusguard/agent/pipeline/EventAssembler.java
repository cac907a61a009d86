package io.statusguard.agent.pipeline;

import io.statusguard.agent.body.ErrorDetails;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.endpoint.Endpoint;
import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.agent.secret.SecretScrubber;
import io.statusguard.event.ResponseEvent;
import java.net.HttpRetryException;
import java.net.URI;
import java.net.URL;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Builds the {@link ResponseEvent} of an observation: the only place where request targets are read,
 * and they leave it as host, port and endpoint template only, never with a query value, user info or
 * fragment; a profile's route may add the resource and client ids it marks (a {@code referenceID}
 * query value among them), masked. Not thread-safe (its templater is not): confined to the publisher
 * thread.
 */
final class EventAssembler {
  /** OpenTelemetry's name for a method outside the known set, which keeps the method bounded. */
  static final String OTHER_METHOD = "_OTHER";
  static final int MAX_CONTENT_TYPE_LENGTH = 64;
  /** The longest DNS name, with room for IPv6 brackets. */
  static final int MAX_HOST_LENGTH = 255;

  private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
      "CONNECT", "OPTIONS", "TRACE", "PATCH");
  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

  private final String serviceName;
  private final String instanceId;
  private final String egressGroup;
  private final EndpointTemplater templater;

  EventAssembler(String serviceName, String instanceId, String egressGroup,
      EndpointTemplater templater) {
    this.serviceName = serviceName;
    this.instanceId = instanceId;
    this.egressGroup = egressGroup;
    this.templater = templater;
  }

  /** The event of {@code observation}; throws {@link IllegalArgumentException} if it has none. */
  ResponseEvent assemble(ResponseObservation observation) {
    return assemble(observation, 1);
  }

  /**
   * The event of {@code observation}, standing for {@code sampleWeight} responses (see {@link
   * SuccessSampler}); throws {@link IllegalArgumentException} if it has none.
   */
  ResponseEvent assemble(ResponseObservation observation, double sampleWeight) {
    Target target = Target.of(observation);
    String method = method(observation.method());
    Endpoint endpoint = templater.template(method, target.host, target.port, target.rawPath,
        target.rawQuery);
    ResponseEvent.Builder event = ResponseEvent.builder()
        .timeUnixMs(observation.timeUnixMs())
        .sampleWeight(sampleWeight)
        .serviceName(serviceName)
        .instanceId(instanceId)
        .egressGroup(egressGroup)
        .clientLibrary(observation.clientLibrary())
        .method(method)
        .scheme(target.scheme)
        .host(target.host)
        .port(target.port)
        .endpointTemplate(endpoint.template())
        .operation(endpoint.operation())
        .queryNames(endpoint.queryNames())
        .resource(endpoint.resourceType(), endpoint.resourceId())
        .providerClientId(endpoint.clientId())
        .durationMicros(TimeUnit.NANOSECONDS.toMicros(
            Math.max(0, observation.endNanos() - observation.startNanos())));
    int status = status(observation);
    if (status > 0) {
      event.status(status).contentType(mediaType(observation.contentType()));
      if (observation.body() != null) {
        withErrorDetails(event, ErrorDetails.read(observation.body(), observation.contentType()));
      }
    } else {
      event.status(0).errorType(FailureClassifier.classify(observation.failure()));
    }
    return event.build();
  }

  private static void withErrorDetails(ResponseEvent.Builder event, ErrorDetails details) {
    event.bodyFormat(details.format())
        .providerStatus(details.providerStatus())
        .providerErrorCode(details.errorCode())
        .errorMessage(details.errorMessage());
  }

  private static int status(ResponseObservation observation) {
    if (observation.status() > 0 && observation.status() <= 999) {
      return observation.status();
    }
    // HttpURLConnection in streaming mode cannot retry a 401, 407 or redirect: it throws this,
    // which still carries the status that arrived.
    if (observation.failure() instanceof HttpRetryException) {
      int retryStatus = ((HttpRetryException) observation.failure()).responseCode();
      return retryStatus > 0 && retryStatus <= 999 ? retryStatus : 0;
    }
    return 0;
  }

  static String method(String method) {
    return method != null && KNOWN_METHODS.contains(method) ? method : OTHER_METHOD;
  }

  /** The media type of a Content-Type value (no parameters: they may carry anything), or null. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim().toLowerCase(Locale.ROOT);
    return type.length() <= MAX_CONTENT_TYPE_LENGTH && MEDIA_TYPE.matcher(type).matches()
        && SecretScrubber.scrub(type) == type ? type : null;
  }

  /** Scheme, host, port and the raw path and query of a request target. */
  private static final class Target {
    final String scheme;
    final String host;
    final int port;
    final String rawPath;
    final String rawQuery;

    private Target(String scheme, String host, int port, String rawPath, String rawQuery) {
      this.scheme = scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
      this.host = host(host);
      this.port = port >= 0 ? port : defaultPort(this.scheme);
      this.rawPath = rawPath;
      this.rawQuery = rawQuery;
    }

    static Target of(ResponseObservation observation) {
      URI uri = observation.uri();
      if (uri != null) {
        return new Target(uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath(),
            uri.getRawQuery());
      }
      URL url = observation.url();
      if (url != null) {
        // URL keeps the path and query as the application wrote them, i.e. raw.
        return new Target(url.getProtocol(), url.getHost(), url.getPort(), url.getPath(),
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
    private static Target ofOrigin(ResponseObservation observation) {
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
      return new Target(observation.originScheme(), observation.originHost(),
          observation.originPort(), query < 0 ? pathAndQuery : pathAndQuery.substring(0, query),
          query < 0 ? null : pathAndQuery.substring(query + 1));
    }

    /**
     * Splits an absolute URL the way a client sends it, without {@link URI}'s strictness: a client
     * may hold a target that {@code URI} rejects (an unencoded brace, say) and still send it. User
     * info and fragment are dropped.
     */
    static Target parse(String url) {
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
      return new Target(url.substring(0, schemeEnd), hostOf(hostAndPort), portOf(hostAndPort),
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
      if (SecretScrubber.scrub(bare) != bare) {
        throw new IllegalArgumentException("a host that holds a card number or token");
      }
      return bare.toLowerCase(Locale.ROOT);
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
}

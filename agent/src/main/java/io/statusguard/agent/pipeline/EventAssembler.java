package io.statusguard.agent.pipeline;

import io.statusguard.agent.body.ErrorDetails;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.endpoint.Endpoint;
import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.agent.endpoint.RequestTarget;
import io.statusguard.agent.secret.SecretScrubber;
import io.statusguard.event.ResponseEvent;
import java.net.HttpRetryException;
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

  private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
      "CONNECT", "OPTIONS", "TRACE", "PATCH");
  /** What most responses carry: their media type is found without allocating. */
  private static final String[] COMMON_MEDIA_TYPES = {"application/json", "application/xml", "text/xml",
      "text/html", "text/plain", "application/problem+json"};
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
    RequestTarget target = RequestTarget.of(observation);
    String method = method(observation.method());
    Endpoint endpoint = templater.template(method, target.host(), target.port(), target.rawPath(),
        target.rawQuery());
    ResponseEvent.Builder event = ResponseEvent.builder()
        .timeUnixMs(observation.timeUnixMs())
        .sampleWeight(sampleWeight)
        .serviceName(serviceName)
        .instanceId(instanceId)
        .egressGroup(egressGroup)
        .clientLibrary(observation.clientLibrary())
        .method(method)
        .scheme(target.scheme())
        .host(target.host())
        .port(target.port())
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
    String common = commonMediaType(contentType, semicolon < 0 ? contentType.length() : semicolon);
    return common != null ? common : parsedMediaType(contentType);
  }

  /** As {@link #mediaType}, for any value: the general path. */
  static String parsedMediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim().toLowerCase(Locale.ROOT);
    return type.length() <= MAX_CONTENT_TYPE_LENGTH && MEDIA_TYPE.matcher(type).matches()
        && SecretScrubber.scrub(type) == type ? type : null;
  }

  /**
   * One of {@link #COMMON_MEDIA_TYPES} if the value up to {@code end}, trimmed, is that type in any ASCII
   * case: the answer the general path gives, without the strings and the matcher it allocates.
   */
  private static String commonMediaType(String contentType, int end) {
    int start = 0;
    while (start < end && contentType.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && contentType.charAt(end - 1) <= ' ') {
      end--;
    }
    for (String type : COMMON_MEDIA_TYPES) {
      if (type.length() == end - start && equalsIgnoringAsciiCase(contentType, start, type)) {
        return type;
      }
    }
    return null;
  }

  private static boolean equalsIgnoringAsciiCase(String text, int start, String lowerCase) {
    for (int i = 0; i < lowerCase.length(); i++) {
      char c = text.charAt(start + i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}

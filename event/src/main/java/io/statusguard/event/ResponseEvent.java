package io.statusguard.event;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP response as the provider saw it: one event per physical attempt, so a followed redirect or a
 * retry is an event of its own. An attempt that got no response has status 0 and an {@link ErrorType}.
 *
 * <p>Immutable. It never holds a header value, a query-string value or a request body: the agent builds
 * it from an endpoint template and query-parameter names only.
 */
public final class ResponseEvent {
  private final long timeUnixMs;
  private final String serviceName;
  private final String instanceId;
  private final String egressGroup;
  private final String clientLibrary;
  private final String method;
  private final String scheme;
  private final String host;
  private final int port;
  private final String endpointTemplate;
  private final String operation;
  private final List<String> queryNames;
  private final int status;
  private final ErrorType errorType;
  private final long durationMicros;
  private final String contentType;
  private final String errorMessage;
  private final double sampleWeight;
  private final int providerStatus;
  private final String providerErrorCode;
  private final BodyFormat bodyFormat;
  private final String resourceType;
  private final String resourceId;
  private final String providerClientId;

  private ResponseEvent(Builder b) {
    this.timeUnixMs = b.timeUnixMs;
    this.serviceName = requireText(b.serviceName, "serviceName");
    this.instanceId = requireText(b.instanceId, "instanceId");
    this.egressGroup = requireText(b.egressGroup, "egressGroup");
    this.clientLibrary = requireText(b.clientLibrary, "clientLibrary");
    this.method = requireText(b.method, "method");
    this.scheme = requireText(b.scheme, "scheme");
    this.host = requireText(b.host, "host");
    this.port = b.port;
    this.endpointTemplate = requireText(b.endpointTemplate, "endpointTemplate");
    this.operation = b.operation;
    this.queryNames = b.queryNames.isEmpty() ? List.of() : List.copyOf(b.queryNames);
    this.status = b.status;
    this.errorType = b.errorType;
    this.durationMicros = b.durationMicros;
    this.contentType = b.contentType;
    this.errorMessage = b.errorMessage;
    this.sampleWeight = b.sampleWeight;
    this.providerStatus = b.providerStatus;
    this.providerErrorCode = b.providerErrorCode;
    this.bodyFormat = b.bodyFormat;
    this.resourceType = b.resourceType;
    this.resourceId = b.resourceId;
    this.providerClientId = b.providerClientId;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (status < 0 || status > 999) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    if (durationMicros < 0) {
      throw new IllegalArgumentException("negative duration: " + durationMicros);
    }
    if (!(sampleWeight >= 1.0) || Double.isInfinite(sampleWeight)) {
      throw new IllegalArgumentException("sample weight must be a finite number >= 1: " + sampleWeight);
    }
    if (providerStatus < 0 || providerStatus > 999) {
      throw new IllegalArgumentException("provider status out of range: " + providerStatus);
    }
    if ((resourceId == null) != (resourceType == null)) {
      throw new IllegalArgumentException("a resource id needs its type, and a type its id");
    }
  }

  private ResponseEvent(ResponseEvent shape, long timeUnixMs, long durationMicros) {
    this.timeUnixMs = timeUnixMs;
    this.serviceName = shape.serviceName;
    this.instanceId = shape.instanceId;
    this.egressGroup = shape.egressGroup;
    this.clientLibrary = shape.clientLibrary;
    this.method = shape.method;
    this.scheme = shape.scheme;
    this.host = shape.host;
    this.port = shape.port;
    this.endpointTemplate = shape.endpointTemplate;
    this.operation = shape.operation;
    this.queryNames = shape.queryNames;
    this.status = shape.status;
    this.errorType = shape.errorType;
    this.durationMicros = durationMicros;
    this.contentType = shape.contentType;
    this.errorMessage = shape.errorMessage;
    this.sampleWeight = shape.sampleWeight;
    this.providerStatus = shape.providerStatus;
    this.providerErrorCode = shape.providerErrorCode;
    this.bodyFormat = shape.bodyFormat;
    this.resourceType = shape.resourceType;
    this.resourceId = shape.resourceId;
    this.providerClientId = shape.providerClientId;
    if (durationMicros < 0) {
      throw new IllegalArgumentException("negative duration: " + durationMicros);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * This event at another time and with another duration, everything else shared: how a decoder that has
   * read an event of this shape before makes the next one, with one allocation and no builder.
   */
  public ResponseEvent withTiming(long timeUnixMs, long durationMicros) {
    return new ResponseEvent(this, timeUnixMs, durationMicros);
  }

  /** Returns a builder holding this event's values, to copy it with a change. */
  public Builder toBuilder() {
    return new Builder()
        .timeUnixMs(timeUnixMs)
        .serviceName(serviceName)
        .instanceId(instanceId)
        .egressGroup(egressGroup)
        .clientLibrary(clientLibrary)
        .method(method)
        .scheme(scheme)
        .host(host)
        .port(port)
        .endpointTemplate(endpointTemplate)
        .operation(operation)
        .queryNames(queryNames)
        .status(status)
        .errorType(errorType)
        .durationMicros(durationMicros)
        .contentType(contentType)
        .errorMessage(errorMessage)
        .sampleWeight(sampleWeight)
        .providerStatus(providerStatus)
        .providerErrorCode(providerErrorCode)
        .bodyFormat(bodyFormat)
        .resource(resourceType, resourceId)
        .providerClientId(providerClientId);
  }

  /** When the response (or the failure) arrived, in milliseconds since the epoch. */
  public long timeUnixMs() {
    return timeUnixMs;
  }

  public String serviceName() {
    return serviceName;
  }

  public String instanceId() {
    return instanceId;
  }

  /** The IP address or NAT group the provider sees this request coming from: what a block applies to. */
  public String egressGroup() {
    return egressGroup;
  }

  /** Which HTTP client library made the request, e.g. {@code jdk-httpclient}. */
  public String clientLibrary() {
    return clientLibrary;
  }

  public String method() {
    return method;
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

  /** The path with its identifiers replaced by placeholders, e.g. {@code /v1/clients/{ClientID}/transactions/{TransactionID}}. */
  public String endpointTemplate() {
    return endpointTemplate;
  }

  /** The provider's operation name, e.g. {@code RetrieveTransaction}, or null when unknown. */
  public String operation() {
    return operation;
  }

  /** The names (never the values) of the query parameters, in request order. */
  public List<String> queryNames() {
    return queryNames;
  }

  /** The HTTP status code, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** Why no response arrived, or null when one did. */
  public ErrorType errorType() {
    return errorType;
  }

  public long durationMicros() {
    return durationMicros;
  }

  /** The response's Content-Type header, or null. */
  public String contentType() {
    return contentType;
  }

  /** The {@code EM} field of an error body, when captured and masked, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** How many responses this event stands for: 1 unless successes were sampled. */
  public double sampleWeight() {
    return sampleWeight;
  }

  /** The {@code SC} field of the provider's JSON body, or 0 when none was captured. */
  public int providerStatus() {
    return providerStatus;
  }

  /** The {@code EC} field of the provider's JSON body, or null when none was captured. */
  public String providerErrorCode() {
    return providerErrorCode;
  }

  /** What the captured part of an error body was, or null when no body was captured. */
  public BodyFormat bodyFormat() {
    return bodyFormat;
  }

  /**
   * The name of the resource identifier in the route (e.g. {@code TransactionID}, {@code ReferenceID})
   * for operations the provider profile marks, or null.
   */
  public String resourceType() {
    return resourceType;
  }

  /** The resource identifier named by {@link #resourceType()}, or null. */
  public String resourceId() {
    return resourceId;
  }

  /** The provider's client (account holder) identifier from the route, when the profile marks it, or null. */
  public String providerClientId() {
    return providerClientId;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResponseEvent)) {
      return false;
    }
    ResponseEvent that = (ResponseEvent) o;
    return timeUnixMs == that.timeUnixMs
        && port == that.port
        && status == that.status
        && durationMicros == that.durationMicros
        && Double.compare(sampleWeight, that.sampleWeight) == 0
        && serviceName.equals(that.serviceName)
        && instanceId.equals(that.instanceId)
        && egressGroup.equals(that.egressGroup)
        && clientLibrary.equals(that.clientLibrary)
        && method.equals(that.method)
        && scheme.equals(that.scheme)
        && host.equals(that.host)
        && endpointTemplate.equals(that.endpointTemplate)
        && Objects.equals(operation, that.operation)
        && queryNames.equals(that.queryNames)
        && errorType == that.errorType
        && Objects.equals(contentType, that.contentType)
        && Objects.equals(errorMessage, that.errorMessage)
        && providerStatus == that.providerStatus
        && Objects.equals(providerErrorCode, that.providerErrorCode)
        && bodyFormat == that.bodyFormat
        && Objects.equals(resourceType, that.resourceType)
        && Objects.equals(resourceId, that.resourceId)
        && Objects.equals(providerClientId, that.providerClientId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeUnixMs, serviceName, instanceId, egressGroup, clientLibrary, method, scheme,
        host, port, endpointTemplate, operation, queryNames, status, errorType, durationMicros,
        contentType, errorMessage, sampleWeight, providerStatus, providerErrorCode, bodyFormat,
        resourceType, resourceId, providerClientId);
  }

  @Override
  public String toString() {
    return "ResponseEvent{" + method + ' ' + scheme + "://" + host + ':' + port + endpointTemplate
        + (operation == null ? "" : " (" + operation + ')')
        + " -> " + status + (errorType == null ? "" : " " + errorType.wireName())
        + " in " + durationMicros + "us, service=" + serviceName + ", egress=" + egressGroup + '}';
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  /** Collects an event's values; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private long timeUnixMs;
    private String serviceName;
    private String instanceId;
    private String egressGroup;
    private String clientLibrary;
    private String method;
    private String scheme;
    private String host;
    private int port;
    private String endpointTemplate;
    private String operation;
    private List<String> queryNames = Collections.emptyList();
    private int status;
    private ErrorType errorType;
    private long durationMicros;
    private String contentType;
    private String errorMessage;
    private double sampleWeight = 1.0;
    private int providerStatus;
    private String providerErrorCode;
    private BodyFormat bodyFormat;
    private String resourceType;
    private String resourceId;
    private String providerClientId;

    private Builder() {}

    public Builder timeUnixMs(long timeUnixMs) {
      this.timeUnixMs = timeUnixMs;
      return this;
    }

    public Builder serviceName(String serviceName) {
      this.serviceName = serviceName;
      return this;
    }

    public Builder instanceId(String instanceId) {
      this.instanceId = instanceId;
      return this;
    }

    public Builder egressGroup(String egressGroup) {
      this.egressGroup = egressGroup;
      return this;
    }

    public Builder clientLibrary(String clientLibrary) {
      this.clientLibrary = clientLibrary;
      return this;
    }

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder scheme(String scheme) {
      this.scheme = scheme;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder endpointTemplate(String endpointTemplate) {
      this.endpointTemplate = endpointTemplate;
      return this;
    }

    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    public Builder queryNames(List<String> queryNames) {
      this.queryNames = Objects.requireNonNull(queryNames, "queryNames");
      return this;
    }

    public Builder status(int status) {
      this.status = status;
      return this;
    }

    public Builder errorType(ErrorType errorType) {
      this.errorType = errorType;
      return this;
    }

    public Builder durationMicros(long durationMicros) {
      this.durationMicros = durationMicros;
      return this;
    }

    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    public Builder errorMessage(String errorMessage) {
      this.errorMessage = errorMessage;
      return this;
    }

    public Builder sampleWeight(double sampleWeight) {
      this.sampleWeight = sampleWeight;
      return this;
    }

    public Builder providerStatus(int providerStatus) {
      this.providerStatus = providerStatus;
      return this;
    }

    public Builder providerErrorCode(String providerErrorCode) {
      this.providerErrorCode = providerErrorCode;
      return this;
    }

    public Builder bodyFormat(BodyFormat bodyFormat) {
      this.bodyFormat = bodyFormat;
      return this;
    }

    /** The route's resource identifier and its name, both or neither. */
    public Builder resource(String resourceType, String resourceId) {
      this.resourceType = resourceType;
      this.resourceId = resourceId;
      return this;
    }

    public Builder providerClientId(String providerClientId) {
      this.providerClientId = providerClientId;
      return this;
    }

    /** Returns the event, or throws {@link IllegalArgumentException} naming the first invalid value. */
    public ResponseEvent build() {
      return new ResponseEvent(this);
    }
  }
}

package io.statusguard.analyzer;

import io.statusguard.analyzer.domain.status.Classification;
import io.statusguard.analyzer.domain.status.ErrorModel;
import io.statusguard.analyzer.domain.window.SeriesWindow;
import io.statusguard.analyzer.export.ResponseMetrics.SeriesMeters;
import io.statusguard.event.ResponseEvent;
import java.util.Objects;

/**
 * Where responses of each shape seen lately are counted: their class in the error model, their window
 * series and their meters, found by one lookup per event instead of one in each. A shape is every field
 * any of the three reads. The table is direct-mapped by the shape's hash; a new shape replaces whatever
 * held its slot, so the table stays at {@value #SLOTS} routes however many shapes arrive. Confined to the
 * recording thread.
 */
final class ResponseRoutes {
  private static final int SLOTS = 4096;

  private final ErrorModel errorModel;
  private final Route[] routes = new Route[SLOTS];

  ResponseRoutes(ErrorModel errorModel) {
    this.errorModel = errorModel;
  }

  /** The route of the event's shape, classified now if the shape is new to the table. */
  Route of(ResponseEvent event) {
    int slot = hash(event) & (SLOTS - 1);
    Route route = routes[slot];
    if (route == null || !route.matches(event)) {
      route = new Route(event, errorModel.classify(event.status(), event.contentType(), event.errorMessage()));
      routes[slot] = route;
    }
    return route;
  }

  private static int hash(ResponseEvent event) {
    int hash = event.serviceName().hashCode();
    hash = 31 * hash + event.egressGroup().hashCode();
    hash = 31 * hash + event.host().hashCode();
    hash = 31 * hash + event.method().hashCode();
    hash = 31 * hash + Objects.hashCode(event.operation());
    hash = 31 * hash + event.endpointTemplate().hashCode();
    hash = 31 * hash + event.status();
    hash = 31 * hash + Objects.hashCode(event.contentType());
    hash = 31 * hash + Objects.hashCode(event.errorMessage());
    return hash ^ (hash >>> 16);
  }

  /**
   * One shape's classification, and the series and meters the windows and metrics last handed back for it
   * (null until they have).
   */
  static final class Route {
    private final String service;
    private final String egressGroup;
    private final String host;
    private final String method;
    private final String operation;
    private final String endpoint;
    private final int status;
    private final String contentType;
    private final String errorMessage;
    final Classification classification;
    SeriesWindow window;
    SeriesMeters meters;

    private Route(ResponseEvent event, Classification classification) {
      this.service = event.serviceName();
      this.egressGroup = event.egressGroup();
      this.host = event.host();
      this.method = event.method();
      this.operation = event.operation();
      this.endpoint = event.endpointTemplate();
      this.status = event.status();
      this.contentType = event.contentType();
      this.errorMessage = event.errorMessage();
      this.classification = classification;
    }

    private boolean matches(ResponseEvent event) {
      // Strings decoded from events are mostly shared instances, so equals usually ends at its identity check.
      return status == event.status() && service.equals(event.serviceName())
          && egressGroup.equals(event.egressGroup()) && host.equals(event.host()) && method.equals(event.method())
          && Objects.equals(operation, event.operation()) && endpoint.equals(event.endpointTemplate())
          && Objects.equals(contentType, event.contentType()) && Objects.equals(errorMessage, event.errorMessage());
    }
  }
}

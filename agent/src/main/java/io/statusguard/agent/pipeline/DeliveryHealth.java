package io.statusguard.agent.pipeline;

import io.statusguard.agent.config.SecretMask;
import java.io.PrintStream;

/**
 * Whether events currently reach Kafka, told to the operator in exactly one line per outage: a
 * warning when deliveries start failing, and a line when they succeed again with the number of events
 * dropped meanwhile. Causes are printed with credentials masked, as Kafka's messages may quote
 * settings. Thread-safe: Kafka's I/O thread and the publisher thread both report here.
 */
final class DeliveryHealth {
  /** Keeps a chatty exception message from flooding the host application's stderr. */
  static final int MAX_CAUSE_LENGTH = 300;

  private final String servers;
  private final AgentCounters counters;
  private final PrintStream err;
  private final SecretMask secrets;
  private volatile boolean failing;
  private boolean warned;
  private long droppedAtWarning;

  DeliveryHealth(String servers, AgentCounters counters, PrintStream err, SecretMask secrets) {
    this.servers = servers;
    this.counters = counters;
    this.err = err;
    this.secrets = secrets;
  }

  /** Whether the last delivery (or attempt to create the producer) failed. */
  boolean failing() {
    return failing;
  }

  synchronized boolean warned() {
    return warned;
  }

  synchronized void onFailure(Throwable cause) {
    onFailure(describe(cause));
  }

  synchronized void onFailure(String cause) {
    if (failing) {
      return;
    }
    failing = true;
    warned = true;
    droppedAtWarning = counters.droppedTotal();
    err.println("[statusguard] WARN cannot deliver events to Kafka at " + servers + ": "
        + secrets.mask(cause) + "; dropping and counting events until it is reachable");
  }

  synchronized void onSuccess() {
    if (!failing) {
      return;
    }
    failing = false;
    err.println("[statusguard] events reach Kafka at " + servers + " again; "
        + (counters.droppedTotal() - droppedAtWarning) + " events were dropped while it was not");
  }

  /** One line naming {@code cause}: its class and message, masked, flattened and cut short. */
  String describe(Throwable cause) {
    String text = cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    String line = secrets.mask(text).replace('\n', ' ').replace('\r', ' ');
    return line.length() <= MAX_CAUSE_LENGTH ? line : line.substring(0, MAX_CAUSE_LENGTH) + "...";
  }
}

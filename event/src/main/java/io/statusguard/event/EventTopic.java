package io.statusguard.event;

/** Where events travel: the default Kafka topic. Records are keyed by the event's egress group. */
public final class EventTopic {
  public static final String DEFAULT_NAME = "statusguard.events";

  private EventTopic() {}
}

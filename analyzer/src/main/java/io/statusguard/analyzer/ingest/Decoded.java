package io.statusguard.analyzer.ingest;

import io.statusguard.event.ResponseEvent;
import java.util.Objects;

/** What became of one Kafka record: an event, a rejection with its reason, or a type this analyzer skips. */
public sealed interface Decoded {

  /** A valid response event. */
  record Accepted(ResponseEvent event) implements Decoded {
    public Accepted {
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * A record that breaks the contract. The detail is for a log line: it names fields and limits but
   * never repeats a string value from the record.
   */
  record Rejected(DecodeFailure reason, String detail) implements Decoded {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * A well-formed record of another event type, such as a future agent heartbeat: not an error. The
   * type is short and made of {@code [a-z0-9._-]}, so it is safe as a metric label value.
   */
  record Skipped(String eventType) implements Decoded {
    public Skipped {
      Objects.requireNonNull(eventType, "eventType");
    }
  }
}

package io.statusguard.analyzer.ingest;

import java.nio.ByteBuffer;

/**
 * A record's value as the consumer hands it over: a view of the fetch response that holds it, read in
 * place where possible. Stateless.
 */
final class RecordValue {
  private RecordValue() {}

  /** A copy of the view's bytes, or null for a tombstone; the view's position and limit stay as they were. */
  static byte[] copyOf(ByteBuffer value) {
    if (value == null) {
      return null;
    }
    byte[] bytes = new byte[value.remaining()];
    value.duplicate().get(bytes);
    return bytes;
  }
}

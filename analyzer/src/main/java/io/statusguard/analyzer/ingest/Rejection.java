package io.statusguard.analyzer.ingest;

/**
 * Ends decoding of one record early with a reason. Thrown and caught inside this package only, so it
 * carries no stack trace.
 */
final class Rejection extends Exception {
  private final DecodeFailure reason;

  Rejection(DecodeFailure reason, String detail) {
    super(detail, null, /* enableSuppression= */ false, /* writableStackTrace= */ false);
    this.reason = reason;
  }

  Decoded.Rejected toDecoded() {
    return new Decoded.Rejected(reason, getMessage());
  }
}

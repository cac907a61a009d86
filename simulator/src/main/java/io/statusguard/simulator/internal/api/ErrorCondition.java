package io.statusguard.simulator.internal.api;

/**
 * Every non-200 answer the simulator gives, with the status, the 8-hex-character {@code EC} and the
 * {@code EM}. The two codes the provider's public material shows ({@code 3C463000} Duplicate,
 * {@code 3C51010D} Limits Lock) are real; the others are the simulator's own.
 */
public enum ErrorCondition {
  UNKNOWN_OUTCOME(207, "3C207000", "UNKNOWN: an upstream step timed out, retrieve once after 90 seconds"),
  MALFORMED_BODY(400, "3C400001", "Invalid Request Body"),
  INVALID_FIELD(400, "3C400002", "Invalid Field"),
  INVALID_RESOURCE_ID(400, "3C400003", "Invalid ResourceID"),
  INVALID_QUERY(400, "3C400004", "Invalid Query"),
  UNAUTHORIZED(401, "3C401000", "Unauthorized"),
  NOT_FOUND(404, "3C404000", "Not Found"),
  METHOD_NOT_ALLOWED(405, "3C405000", "Method Not Allowed"),
  DUPLICATE(409, "3C463000", "Duplicate"),
  CONFLICTING_PARAMETERS(409, "3C463001", "Conflicting Parameters"),
  GONE(410, "3C410000", "Gone"),
  UNSUPPORTED_MEDIA_TYPE(415, "3C415000", "Content-Type must be application/json"),
  TOO_LATE_FOR_REFERENCE(421, "3C421000", "Too late to Retrieve by ReferenceID, use the ID"),
  TRANSACTION_LIMIT(422, "3C422001", "Transaction Limit"),
  INVALID_STATE(422, "3C422002", "Invalid State"),
  POLLING(429, "3C429001", "Polling"),
  LIMITS_LOCK(429, "3C51010D", "Limits Lock"),
  SERVER_ERROR(500, "3C500000", "Server Error");

  private final int status;
  private final String code;
  private final String message;

  ErrorCondition(int status, String code, String message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  public int status() {
    return status;
  }

  /** The {@code EC} field. */
  public String code() {
    return code;
  }

  /** The {@code EM} field. */
  public String message() {
    return message;
  }
}

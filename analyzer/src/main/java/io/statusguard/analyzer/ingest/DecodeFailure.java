package io.statusguard.analyzer.ingest;

/** Why a record could not be read as a response event. The wire names are the values of the metric label {@code reason}. */
public enum DecodeFailure {
  /** The record is larger than the decoder reads, or the JSON exceeds a nesting, string or number limit. */
  OVERSIZED("oversized"),
  /** Not JSON: bad syntax, bad UTF-8, a duplicate key, trailing content or no value at all. */
  MALFORMED_JSON("malformed_json"),
  /** Valid JSON whose top-level value is not an object. */
  NOT_AN_OBJECT("not_an_object"),
  MISSING_SCHEMA_VERSION("missing_schema_version"),
  /** A major version this analyzer does not read: its fields may mean something else. */
  UNKNOWN_MAJOR_VERSION("unknown_major_version"),
  MISSING_FIELD("missing_field"),
  /** A field of the wrong JSON type, for example a port written as a string. */
  WRONG_TYPE("wrong_type"),
  /** A field of the right type whose value the contract does not allow. */
  INVALID_VALUE("invalid_value");

  private final String wireName;

  DecodeFailure(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}

package io.statusguard.simulator.internal.routing;

/** The provider's operations, named as its reference pages name them. */
public enum Operation {
  RETRIEVE_CLIENT("RetrieveClient"),
  CREATE_KEY("CreateKey"),
  RETRIEVE_KEY("RetrieveKey"),
  DELETE_KEY("DeleteKey"),
  QUERY_CARD("QueryCard"),
  QUERY_BANK("QueryBank"),
  QUERY_OFAC("QueryOFAC"),
  CREATE_ACCOUNT("CreateAccount"),
  RETRIEVE_ACCOUNT("RetrieveAccount"),
  UPDATE_ACCOUNT("UpdateAccount"),
  DELETE_ACCOUNT("DeleteAccount"),
  CREATE_TRANSACTION("CreateTransaction"),
  RETRIEVE_TRANSACTION("RetrieveTransaction"),
  CAPTURE_TRANSACTION("CaptureTransaction"),
  DELETE_TRANSACTION("DeleteTransaction"),
  DELETE_RTP_TRANSACTION("DeleteRTPTransaction"),
  CREATE_SUB_CLIENT("CreateSubClient"),
  RETRIEVE_SUB_CLIENT("RetrieveSubClient"),
  UPDATE_SUB_CLIENT("UpdateSubClient");

  private final String providerName;

  Operation(String providerName) {
    this.providerName = providerName;
  }

  /** The name in the provider's documentation, e.g. {@code RetrieveTransaction}. */
  public String providerName() {
    return providerName;
  }
}

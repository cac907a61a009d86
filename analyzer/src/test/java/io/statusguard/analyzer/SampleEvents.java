package io.statusguard.analyzer;

import io.statusguard.event.ErrorType;
import io.statusguard.event.ResponseEvent;
import java.util.List;

/** Response events as the agent would send them, for tests in every package. */
public final class SampleEvents {
  public static final String SERVICE = "payments";
  public static final String EGRESS_GROUP = "203.0.113.7";
  public static final String HOST = "api.provider.test";
  public static final String TRANSACTION = "/v1/clients/{ClientID}/transactions/{TransactionID}";
  public static final String TRANSACTIONS = "/v1/clients/{ClientID}/transactions";
  public static final String ACCOUNTS = "/v1/clients/{ClientID}/accounts";

  private SampleEvents() {}

  public static ResponseEvent.Builder retrieveTransaction(int status) {
    return base().method("GET").endpointTemplate(TRANSACTION).operation("RetrieveTransaction").status(status);
  }

  public static ResponseEvent.Builder createTransaction(int status) {
    return base().method("POST").endpointTemplate(TRANSACTIONS).operation("CreateTransaction").status(status)
        .queryNames(List.of("authorize"));
  }

  public static ResponseEvent.Builder createAccount(int status) {
    return base().method("POST").endpointTemplate(ACCOUNTS).operation("CreateAccount").status(status);
  }

  /** An attempt that got no response. */
  public static ResponseEvent.Builder timedOut() {
    return retrieveTransaction(0).errorType(ErrorType.TIMEOUT).contentType(null).errorMessage(null);
  }

  private static ResponseEvent.Builder base() {
    return ResponseEvent.builder()
        .timeUnixMs(1_790_000_000_123L)
        .serviceName(SERVICE)
        .instanceId("host-1:4242")
        .egressGroup(EGRESS_GROUP)
        .clientLibrary("jdk-httpclient")
        .scheme("https")
        .host(HOST)
        .port(8443)
        .durationMicros(12_345)
        .contentType("application/json");
  }
}

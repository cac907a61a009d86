package io.statusguard.agent.testsupport;

import io.statusguard.simulator.BlockPolicy;
import io.statusguard.simulator.ProviderSimulator;
import io.statusguard.simulator.SimulatorConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The provider's error cases, run by {@link ScenarioApp} in a mode with the suffix {@value
 * #MODE_SUFFIX}: against the provider simulator where it has the case (404 unknown transaction, 409
 * duplicate, 422 Transaction Limit, 207, 429 Limits Lock, 403 XML of a blocked address), against
 * {@link ProviderStub} for the rest (403 JSON Permission, a body over 8 KiB read fully and read only
 * in part, a gzip body, a body never read, a request and an error body full of card data and
 * tokens). Each case prints one outcome line with the SHA-256 of the bytes the application read.
 *
 * <p>The simulators run in the application's JVM, one per behaviour, each on a clock that stands
 * still so that rate limit and firewall answer the same in every run.
 */
public final class ErrorBodyScenarios {
  public static final String MODE_SUFFIX = "-errors";
  /** The outcome lines a run prints. */
  public static final int SCENARIOS = 16;
  /** The agent's {@code body.wait.ms} in these runs, well below {@link #UNREAD_GRACE_MILLIS}. */
  public static final long BODY_WAIT_MS = 500;
  /**
   * How long the application waits after a request whose body it never reads, before its last
   * request: the first event must leave before the second, without the application's help.
   */
  public static final long UNREAD_GRACE_MILLIS = 3_000;
  /** A well-formed TransactionID the simulator never issued. */
  public static final String UNKNOWN_TRANSACTION = "Tx9999UnknownUnknownUn";
  /** Card data and secrets in the request of the secrets case, each of which must never leave. */
  public static final String CARD_IN_PATH = "4111-1111-1111-1111";
  public static final String CVV = "737";
  public static final String CARD_IN_QUERY = "5500-0000-0000-0004";
  /** Bytes of the body the application reads in the case that reads only part of one. */
  public static final int PARTIAL_READ_BYTES = 100;

  private static final String CREATE = "{\"referenceID\":\"%s\",\"amount\":\"%s\"}";
  private static final String CLIENT = "/v1/clients/{ClientID}";
  private static final String TRANSACTIONS = CLIENT + "/transactions";
  private static final String TRANSACTION = TRANSACTIONS + "/{TransactionID}";
  private static final ErrorBodyEvent NOT_FOUND = ErrorBodyEvent.json("GET", "RetrieveTransaction",
      TRANSACTION, 404, "3C404000", "Not Found");
  /** The simulator's rate limit's answer. */
  public static final ErrorBodyEvent LIMITS_LOCK =
      ErrorBodyEvent.json("GET", "RetrieveClient", CLIENT, 429, "3C51010D", "Limits Lock");

  /** The event of the body never read, when nothing read it: its format comes from its type. */
  public static final ErrorBodyEvent UNREAD_UNTOUCHED = new ErrorBodyEvent("GET",
      "RetrieveTransaction", TRANSACTION, 404, "application/json", "json", 0, null, null);
  /**
   * The event of the body the application never read, when the library read it all the same (Spring
   * drains a body as it closes a response; Apache clients consume what they release).
   */
  public static final ErrorBodyEvent UNREAD_DRAINED = ErrorBodyEvent.json("GET",
      "RetrieveTransaction", TRANSACTION, 404, "3C440000", "Not Found");
  /** The status of the case whose request and answer carry card data; its endpoint is not fixed. */
  public static final int SECRETS_STATUS = 400;

  private ErrorBodyScenarios() {}

  /**
   * The events of one run, in any order, but for the secrets case (status {@value #SECRETS_STATUS}),
   * which a test checks on its own: {@code unread} is the event of the body never read.
   */
  public static List<ErrorBodyEvent> expectedEvents(ErrorBodyEvent unread) {
    return List.of(
        NOT_FOUND,
        ErrorBodyEvent.plain("POST", "CreateTransaction", TRANSACTIONS, 200),
        ErrorBodyEvent.json("POST", "CreateTransaction", TRANSACTIONS, 409, "3C463000",
            "Duplicate"),
        ErrorBodyEvent.json("POST", "CreateTransaction", TRANSACTIONS, 422, "3C422001",
            "Transaction Limit"),
        ErrorBodyEvent.json("POST", "CreateTransaction", TRANSACTIONS, 207, "3C207000",
            "UNKNOWN: an upstream step timed out, retrieve once after 90 seconds"),
        ErrorBodyEvent.plain("GET", "RetrieveClient", CLIENT, 200),
        LIMITS_LOCK,
        NOT_FOUND,
        new ErrorBodyEvent("GET", "RetrieveClient", CLIENT, 403, "application/xml", "xml", 0, null,
            null),
        ErrorBodyEvent.json("GET", "RetrieveAccount", CLIENT + "/accounts/{AccountID}", 403,
            "3C403001", "Permission denied: RetrieveAccount not allowed for this key"),
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        unread,
        ErrorBodyEvent.plain("GET", "RetrieveClient", CLIENT, 200));
  }

  /** Whether {@code event} is that of the body the application never read. */
  public static boolean isUnread(ErrorBodyEvent event) {
    return event.equals(UNREAD_UNTOUCHED) || event.equals(UNREAD_DRAINED);
  }

  static void run(ScenarioClient client, ProviderStub stub) throws IOException,
      InterruptedException {
    Clock stopped = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    SimulatorConfig base = SimulatorConfig.defaults()
        .withBearerToken(ScenarioApp.SECRET_TOKEN)
        .withClock(stopped)
        .withMinPollInterval(Duration.ZERO)
        .withUnknownOutcomeProbability(0.0)
        .withBlockPolicy(BlockPolicy.never());
    try (ProviderSimulator provider = ProviderSimulator.start(base);
        ProviderSimulator unknownOutcomes =
            ProviderSimulator.start(base.withUnknownOutcomeProbability(1.0));
        ProviderSimulator rateLimited =
            ProviderSimulator.start(base.withRequestsPerSecondLimit(1));
        ProviderSimulator blocking = ProviderSimulator.start(base.withBlockPolicy(
            BlockPolicy.defaults().withNotFoundOrConflictLimit(0)))) {
      simulated(client, provider, unknownOutcomes, rateLimited, blocking);
    }
    stubbed(client, stub);
  }

  private static void simulated(ScenarioClient client, ProviderSimulator provider,
      ProviderSimulator unknownOutcomes, ProviderSimulator rateLimited,
      ProviderSimulator blocking) {
    String transactions = clientUrl(provider) + "/transactions";
    read("not_found", client, "GET", transactions + "/" + UNKNOWN_TRANSACTION, null);
    read("created", client, "POST", transactions, String.format(CREATE, "dup1", "10.00"));
    read("duplicate", client, "POST", transactions, String.format(CREATE, "dup1", "10.00"));
    read("transaction_limit", client, "POST", transactions,
        String.format(CREATE, "big1", "20000.00"));
    read("unknown_outcome", client, "POST", clientUrl(unknownOutcomes) + "/transactions",
        String.format(CREATE, "unk1", "10.00"));
    read("within_limit", client, "GET", clientUrl(rateLimited), null);
    read("limits_lock", client, "GET", clientUrl(rateLimited), null);
    // The simulated firewall blocks the first 404 it answers, and the next answer is its XML.
    read("blocking_not_found", client, "GET",
        clientUrl(blocking) + "/transactions/" + UNKNOWN_TRANSACTION, null);
    read("ip_blocked", client, "GET", clientUrl(blocking), null);
  }

  private static void stubbed(ScenarioClient client, ProviderStub stub)
      throws InterruptedException {
    String base = "http://127.0.0.1:" + stub.port() + "/v1/clients/" + ProviderStub.CLIENT;
    read("permission", client, "GET", base + "/accounts/" + ProviderStub.FORBIDDEN_ACCOUNT, null);
    read("large_body", client, "GET", base + "/transactions/" + ProviderStub.LARGE_TRANSACTION,
        null);
    outcome("partial_body", () -> client.exchange("GET",
        base + "/transactions/" + ProviderStub.LARGE_TRANSACTION, null, PARTIAL_READ_BYTES));
    read("gzip_body", client, "GET", base + "/transactions/" + ProviderStub.GZIP_TRANSACTION,
        null);
    read("secrets", client, "GET", base + "/cards/" + CARD_IN_PATH + "/check?cvv=" + CVV
        + "&access_token=" + ScenarioApp.SECRET_TOKEN + "&pan=" + CARD_IN_QUERY, null);
    outcome("unread_body", () -> client.exchange("GET",
        base + "/transactions/" + ProviderStub.MISSING_TRANSACTION, null, ScenarioClient.READ_NONE));
    Thread.sleep(UNREAD_GRACE_MILLIS);
    read("after_wait", client, "GET", base, null);
  }

  private static String clientUrl(ProviderSimulator simulator) {
    return simulator.baseUri() + "/v1/clients/" + simulator.clientId();
  }

  private static void read(String scenario, ScenarioClient client, String method, String url,
      String json) {
    outcome(scenario, () -> client.exchange(method, url, json, ScenarioClient.READ_ALL));
  }

  private static void outcome(String scenario, ScenarioApp.Call call) {
    ScenarioApp.outcome(scenario, call);
  }
}

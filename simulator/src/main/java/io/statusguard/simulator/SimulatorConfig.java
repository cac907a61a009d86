package io.statusguard.simulator;

import io.statusguard.simulator.internal.ledger.ResourceIds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ProviderSimulator} behaves. Start from {@link #defaults()} and change what a test needs
 * with the {@code with*} copies; every value is validated when the record is built. The README beside
 * this module's pom lists every threshold with its default.
 *
 * @param port the TCP port on 127.0.0.1; 0 (the default) picks a free one
 * @param bearerToken the only token {@code Authorization: Bearer} accepts; default
 *     {@value #DEFAULT_BEARER_TOKEN}
 * @param clientIds the ClientIDs the provider knows, the first being the default client; default
 *     {@value #DEFAULT_CLIENT_ID}
 * @param clock the time source for windows, cool-downs and deadlines, so tests can move time; default
 *     the system clock
 * @param seed seeds every random choice (identifiers, 207 outcomes) so runs repeat; default 1
 * @param referenceLookupWindow how long after creation a retrieve by ReferenceID works, later it is 421;
 *     default 24 h
 * @param minPollInterval the shortest gap between two served retrievals of one transaction, sooner is
 *     429 "Polling"; zero turns the check off; default 1 s
 * @param requestsPerSecondLimit requests per caller per second before 429 "Limits Lock"; default 0 (off)
 * @param unknownOutcomeProbability the chance, in [0, 1], that CreateTransaction answers 207 (UNKNOWN);
 *     default 0.01
 * @param transactionLimit the largest amount one CreateTransaction may carry, above it is 422
 *     "Transaction Limit"; default 10000.00
 * @param maxAccounts accounts kept per client before the oldest is forgotten; default 10,000
 * @param maxTransactions transactions kept per client before the oldest is forgotten; default 10,000
 * @param workerThreads the size of the bounded pool that serves requests; default 4
 * @param blockPolicy when the simulated firewall blocks a caller; default {@link BlockPolicy#defaults()}
 */
public record SimulatorConfig(
    int port,
    String bearerToken,
    List<String> clientIds,
    InstantSource clock,
    long seed,
    Duration referenceLookupWindow,
    Duration minPollInterval,
    int requestsPerSecondLimit,
    double unknownOutcomeProbability,
    BigDecimal transactionLimit,
    int maxAccounts,
    int maxTransactions,
    int workerThreads,
    BlockPolicy blockPolicy) {

  public static final String DEFAULT_CLIENT_ID = "A0oH0E4EiWloxnwr75liQg";
  public static final String DEFAULT_BEARER_TOKEN = "statusguard-simulator-token";
  private static final int MAX_WORKER_THREADS = 64;

  public SimulatorConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within [0, 65535], was " + port);
    }
    Objects.requireNonNull(bearerToken, "bearerToken");
    if (bearerToken.isBlank() || !bearerToken.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw new IllegalArgumentException("bearerToken must be visible ASCII without spaces");
    }
    clientIds = List.copyOf(Objects.requireNonNull(clientIds, "clientIds"));
    requireClientIds(clientIds);
    Objects.requireNonNull(clock, "clock");
    BlockPolicy.requirePositive(referenceLookupWindow, "referenceLookupWindow");
    Objects.requireNonNull(minPollInterval, "minPollInterval");
    if (minPollInterval.isNegative()) {
      throw new IllegalArgumentException("minPollInterval must not be negative, was " + minPollInterval);
    }
    if (requestsPerSecondLimit < 0) {
      throw new IllegalArgumentException(
          "requestsPerSecondLimit must not be negative (0 turns it off), was " + requestsPerSecondLimit);
    }
    if (!(unknownOutcomeProbability >= 0.0 && unknownOutcomeProbability <= 1.0)) {
      throw new IllegalArgumentException(
          "unknownOutcomeProbability must be within [0, 1], was " + unknownOutcomeProbability);
    }
    Objects.requireNonNull(transactionLimit, "transactionLimit");
    if (transactionLimit.signum() <= 0) {
      throw new IllegalArgumentException("transactionLimit must be positive, was " + transactionLimit);
    }
    requireAtLeastOne(maxAccounts, "maxAccounts");
    requireAtLeastOne(maxTransactions, "maxTransactions");
    if (workerThreads < 1 || workerThreads > MAX_WORKER_THREADS) {
      throw new IllegalArgumentException(
          "workerThreads must be within [1, " + MAX_WORKER_THREADS + "], was " + workerThreads);
    }
    Objects.requireNonNull(blockPolicy, "blockPolicy");
  }

  public static SimulatorConfig defaults() {
    return new SimulatorConfig(
        0,
        DEFAULT_BEARER_TOKEN,
        List.of(DEFAULT_CLIENT_ID),
        InstantSource.system(),
        1L,
        Duration.ofHours(24),
        Duration.ofSeconds(1),
        0,
        0.01,
        new BigDecimal("10000.00"),
        10_000,
        10_000,
        4,
        BlockPolicy.defaults());
  }

  public SimulatorConfig withPort(int port) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withBearerToken(String bearerToken) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withClientIds(List<String> clientIds) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withClock(InstantSource clock) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withSeed(long seed) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withReferenceLookupWindow(Duration referenceLookupWindow) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withMinPollInterval(Duration minPollInterval) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withRequestsPerSecondLimit(int requestsPerSecondLimit) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withUnknownOutcomeProbability(double unknownOutcomeProbability) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withTransactionLimit(BigDecimal transactionLimit) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withMaxAccounts(int maxAccounts) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withMaxTransactions(int maxTransactions) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withWorkerThreads(int workerThreads) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  public SimulatorConfig withBlockPolicy(BlockPolicy blockPolicy) {
    return new SimulatorConfig(port, bearerToken, clientIds, clock, seed, referenceLookupWindow,
        minPollInterval, requestsPerSecondLimit, unknownOutcomeProbability, transactionLimit,
        maxAccounts, maxTransactions, workerThreads, blockPolicy);
  }

  /** Leaves the bearer token out: configurations end up in logs. */
  @Override
  public String toString() {
    return "SimulatorConfig[port=" + port + ", clientIds=" + clientIds + ", seed=" + seed
        + ", referenceLookupWindow=" + referenceLookupWindow + ", minPollInterval=" + minPollInterval
        + ", requestsPerSecondLimit=" + requestsPerSecondLimit
        + ", unknownOutcomeProbability=" + unknownOutcomeProbability
        + ", transactionLimit=" + transactionLimit + ", maxAccounts=" + maxAccounts
        + ", maxTransactions=" + maxTransactions + ", workerThreads=" + workerThreads
        + ", blockPolicy=" + blockPolicy + ']';
  }

  private static void requireClientIds(List<String> clientIds) {
    if (clientIds.isEmpty()) {
      throw new IllegalArgumentException("clientIds must hold at least one ClientID");
    }
    for (String clientId : clientIds) {
      if (!ResourceIds.isWellFormed(clientId)) {
        throw new IllegalArgumentException(
            "ClientID must be 22 characters of [A-Za-z0-9_-], was '" + clientId + "'");
      }
    }
    if (new HashSet<>(clientIds).size() != clientIds.size()) {
      throw new IllegalArgumentException("clientIds must not repeat a ClientID: " + clientIds);
    }
  }

  private static void requireAtLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}

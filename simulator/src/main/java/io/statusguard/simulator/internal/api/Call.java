package io.statusguard.simulator.internal.api;

import io.statusguard.simulator.internal.ledger.Ledger;
import io.statusguard.simulator.internal.routing.Operation;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One authenticated request for a known client, ready for its operation: path parameters as raw
 * segments, query flags, the parsed body, the client's ledger and the time it arrived.
 */
public record Call(
    Operation operation,
    Map<String, String> pathParameters,
    QueryFlags query,
    RequestBody body,
    Ledger ledger,
    Instant now) {

  public Call {
    Objects.requireNonNull(operation, "operation");
    pathParameters = Map.copyOf(pathParameters);
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(now, "now");
  }

  /** A path parameter such as {@code TransactionID}, absent on collection paths. */
  public Optional<String> pathParameter(String name) {
    return Optional.ofNullable(pathParameters.get(name));
  }
}

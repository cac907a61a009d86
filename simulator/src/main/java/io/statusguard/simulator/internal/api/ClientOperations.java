package io.statusguard.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusguard.simulator.internal.ledger.SubClient;
import java.math.BigDecimal;
import java.util.Optional;

/** RetrieveClient and the sub-client operations. Thread-safe: sub-clients live in the ledger. */
final class ClientOperations {
  private static final String DEFAULT_SUB_CLIENT_NAME = "Sub-client";

  private final BigDecimal transactionLimit;

  ClientOperations(BigDecimal transactionLimit) {
    this.transactionLimit = transactionLimit;
  }

  Reply retrieve(Call call) {
    ObjectNode fields = CompactJson.object()
        .put("clientID", call.ledger().clientId())
        .put("name", "Simulated Client");
    fields.putObject("limits").put("transaction", transactionLimit.toPlainString());
    return Reply.ok(fields);
  }

  Reply createSubClient(Call call) {
    if (!call.body().isPresent()) {
      return Reply.error(ErrorCondition.MALFORMED_BODY, "missing");
    }
    String name = call.body().text("name").orElse(DEFAULT_SUB_CLIENT_NAME);
    SubClient created = call.ledger().subClients().create(name);
    return Reply.ok(CompactJson.object().put("subClientID", created.id()));
  }

  Reply retrieveSubClient(Call call) {
    String subClientId = call.pathParameter("SubClientID").orElse("");
    if (!SubClient.isWellFormedId(subClientId)) {
      return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "SubClientID");
    }
    return describe(call.ledger().subClients().find(subClientId));
  }

  Reply updateSubClient(Call call) {
    String subClientId = call.pathParameter("SubClientID").orElse("");
    if (!SubClient.isWellFormedId(subClientId)) {
      return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "SubClientID");
    }
    Optional<String> name = call.body().text("name");
    if (name.isEmpty()) {
      return Reply.error(ErrorCondition.INVALID_FIELD, "name");
    }
    return describe(call.ledger().subClients().rename(subClientId, name.get()));
  }

  private static Reply describe(Optional<SubClient> found) {
    return found
        .map(s -> Reply.ok(CompactJson.object().put("subClientID", s.id()).put("name", s.name())))
        .orElseGet(() -> Reply.error(ErrorCondition.NOT_FOUND));
  }
}

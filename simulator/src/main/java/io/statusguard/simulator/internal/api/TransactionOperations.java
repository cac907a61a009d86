package io.statusguard.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusguard.simulator.internal.ledger.Account;
import io.statusguard.simulator.internal.ledger.ReferenceIds;
import io.statusguard.simulator.internal.ledger.ResourceIds;
import io.statusguard.simulator.internal.ledger.Transaction;
import io.statusguard.simulator.internal.ledger.TransactionAction;
import io.statusguard.simulator.internal.ledger.TransactionOutcome;
import io.statusguard.simulator.internal.ledger.TransactionState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CreateTransaction, RetrieveTransaction (by ID and by ReferenceID), CaptureTransaction,
 * DeleteTransaction and DeleteRTPTransaction. Thread-safe: state lives in the ledger's books.
 */
final class TransactionOperations {
  private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");
  private static final Pattern RTP_NETWORK_ID = Pattern.compile("[A-Za-z0-9]{35}");

  private final BigDecimal transactionLimit;
  private final Duration referenceLookupWindow;
  private final Duration minPollInterval;
  private final UpstreamNetwork network;

  TransactionOperations(
      BigDecimal transactionLimit, Duration referenceLookupWindow, Duration minPollInterval,
      UpstreamNetwork network) {
    this.transactionLimit = transactionLimit;
    this.referenceLookupWindow = referenceLookupWindow;
    this.minPollInterval = minPollInterval;
    this.network = network;
  }

  Reply create(Call call) {
    RequestBody body = call.body();
    if (!body.isPresent()) {
      return Reply.error(ErrorCondition.MALFORMED_BODY, "missing");
    }
    Optional<String> referenceId = body.text("referenceID").filter(ReferenceIds::isWellFormed);
    if (referenceId.isEmpty()) {
      return Reply.error(ErrorCondition.INVALID_FIELD, "referenceID");
    }
    Optional<BigDecimal> amount = body.text("amount").filter(a -> AMOUNT.matcher(a).matches())
        .map(BigDecimal::new).filter(a -> a.signum() > 0);
    if (amount.isEmpty()) {
      return Reply.error(ErrorCondition.INVALID_FIELD, "amount");
    }
    Optional<Reply> accountProblem = checkAccounts(call);
    if (accountProblem.isPresent()) {
      return accountProblem.get();
    }
    if (amount.get().compareTo(transactionLimit) > 0) {
      return Reply.error(ErrorCondition.TRANSACTION_LIMIT);
    }
    boolean unknown = network.timesOut();
    TransactionState state = unknown ? TransactionState.UNKNOWN
        : call.query().has("authorize") ? TransactionState.AUTHORIZED : TransactionState.COMPLETED;
    TransactionOutcome outcome =
        call.ledger().transactions().create(referenceId.get(), amount.get(), state, call.now());
    if (!(outcome instanceof TransactionOutcome.Done done)) {
      return Reply.error(ErrorCondition.DUPLICATE);
    }
    Transaction created = done.transaction();
    ObjectNode fields = CompactJson.object()
        .put("transactionID", created.id())
        .put("status", created.state().name());
    return unknown ? Reply.error(ErrorCondition.UNKNOWN_OUTCOME, fields)
        : Reply.ok(fields.put("networkRC", "00"));
  }

  Reply retrieve(Call call) {
    Optional<String> transactionId = call.pathParameter("TransactionID");
    if (transactionId.isPresent()) {
      return retrieveById(call, transactionId.get());
    }
    Optional<String> referenceId = call.query().value("referenceID");
    if (referenceId.isEmpty() || !ReferenceIds.isWellFormed(referenceId.get())) {
      return Reply.error(ErrorCondition.INVALID_QUERY, "referenceID");
    }
    Optional<Transaction> found = call.ledger().transactions().findByReference(referenceId.get());
    if (found.isEmpty()) {
      return Reply.error(ErrorCondition.NOT_FOUND);
    }
    if (!call.now().isBefore(found.get().createdAt().plus(referenceLookupWindow))) {
      return Reply.error(ErrorCondition.TOO_LATE_FOR_REFERENCE);
    }
    return retrieveById(call, found.get().id());
  }

  Reply capture(Call call) {
    return change(call, TransactionAction.CAPTURE);
  }

  Reply delete(Call call) {
    boolean isVoid = call.query().has("void");
    boolean isReversal = call.query().has("reversal");
    if (isVoid == isReversal) {
      return Reply.error(ErrorCondition.INVALID_QUERY, "exactly one of void or reversal");
    }
    return change(call, isVoid ? TransactionAction.VOID : TransactionAction.REVERSE);
  }

  Reply deleteRtp(Call call) {
    String networkId = call.pathParameter("RTPNetworkID").orElse("");
    if (!RTP_NETWORK_ID.matcher(networkId).matches()) {
      return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "RTPNetworkID");
    }
    // The simulator creates no RTP transactions, so a well-formed ID is accepted as already settled.
    return Reply.ok(CompactJson.object().put("status", TransactionState.REVERSED.name()));
  }

  private Reply retrieveById(Call call, String transactionId) {
    if (!ResourceIds.isWellFormed(transactionId)) {
      return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "TransactionID");
    }
    TransactionOutcome outcome =
        call.ledger().transactions().retrieve(transactionId, call.now(), minPollInterval);
    if (outcome instanceof TransactionOutcome.PolledTooSoon) {
      return Reply.error(ErrorCondition.POLLING);
    }
    if (!(outcome instanceof TransactionOutcome.Done done)) {
      return Reply.error(ErrorCondition.NOT_FOUND);
    }
    Transaction transaction = done.transaction();
    return Reply.ok(CompactJson.object()
        .put("transactionID", transaction.id())
        .put("referenceID", transaction.referenceId())
        .put("amount", transaction.amount().toPlainString())
        .put("status", transaction.state().name()));
  }

  private Reply change(Call call, TransactionAction action) {
    String transactionId = call.pathParameter("TransactionID").orElse("");
    if (!ResourceIds.isWellFormed(transactionId)) {
      return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "TransactionID");
    }
    TransactionOutcome outcome = call.ledger().transactions().apply(transactionId, action);
    if (outcome instanceof TransactionOutcome.Done done) {
      return Reply.ok(CompactJson.object().put("status", done.transaction().state().name()));
    }
    if (outcome instanceof TransactionOutcome.Gone) {
      return Reply.error(ErrorCondition.GONE);
    }
    if (outcome instanceof TransactionOutcome.InvalidState) {
      return Reply.error(ErrorCondition.INVALID_STATE);
    }
    return Reply.error(ErrorCondition.NOT_FOUND);
  }

  /** Named source and destination accounts must be well-formed and live. */
  private static Optional<Reply> checkAccounts(Call call) {
    for (String field : new String[] {"sourceAccountID", "destinationAccountID"}) {
      Optional<String> accountId = call.body().text("accounts", field);
      if (accountId.isEmpty()) {
        continue;
      }
      if (!ResourceIds.isWellFormed(accountId.get())) {
        return Optional.of(Reply.error(ErrorCondition.INVALID_FIELD, field));
      }
      Optional<Account> account = call.ledger().accounts().find(accountId.get());
      if (account.isEmpty() || account.get().deleted()) {
        return Optional.of(Reply.error(ErrorCondition.NOT_FOUND, field));
      }
    }
    return Optional.empty();
  }
}

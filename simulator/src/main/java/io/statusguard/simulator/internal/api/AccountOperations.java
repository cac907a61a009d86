package io.statusguard.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusguard.simulator.internal.ledger.Account;
import io.statusguard.simulator.internal.ledger.AccountCreation;
import io.statusguard.simulator.internal.ledger.Card;
import io.statusguard.simulator.internal.ledger.ReferenceIds;
import io.statusguard.simulator.internal.ledger.ResourceIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * CreateAccount (with the duplicate-card flags), RetrieveAccount (by ID and by ReferenceID),
 * UpdateAccount and DeleteAccount. Thread-safe: state lives in the ledger's account book.
 */
final class AccountOperations {
  private final Duration referenceLookupWindow;

  AccountOperations(Duration referenceLookupWindow) {
    this.referenceLookupWindow = referenceLookupWindow;
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
    if (!body.hasObject("card") && !body.hasObject("bank")) {
      return Reply.error(ErrorCondition.INVALID_FIELD, "card or bank");
    }
    Optional<String> accountNumber = body.text("card", "accountNumber");
    if (body.hasObject("card") && !accountNumber.filter(Card::isWellFormed).isPresent()) {
      return Reply.error(ErrorCondition.INVALID_FIELD, "card.accountNumber");
    }
    boolean reject = call.query().has("RejectDuplicateCard");
    boolean okToAdd = call.query().has("OKToAddDuplicateCard");
    if (reject && okToAdd) {
      return Reply.error(ErrorCondition.CONFLICTING_PARAMETERS);
    }
    AccountCreation creation = call.ledger().accounts()
        .create(referenceId.get(), accountNumber.map(Card::of), reject, call.now());
    if (creation instanceof AccountCreation.DuplicateCard duplicate) {
      return Reply.error(ErrorCondition.DUPLICATE, accountIds(duplicate.duplicateAccountIds()));
    }
    if (!(creation instanceof AccountCreation.Created created)) {
      return Reply.error(ErrorCondition.DUPLICATE);
    }
    ObjectNode fields = CompactJson.object().put("accountID", created.account().id());
    if (!okToAdd && !created.duplicateAccountIds().isEmpty()) {
      fields.setAll(accountIds(created.duplicateAccountIds()));
    }
    return Reply.ok(fields);
  }

  Reply retrieve(Call call) {
    Optional<String> accountId = call.pathParameter("AccountID");
    if (accountId.isPresent()) {
      if (!ResourceIds.isWellFormed(accountId.get())) {
        return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "AccountID");
      }
      return describe(call.ledger().accounts().find(accountId.get()));
    }
    Optional<String> referenceId = call.query().value("referenceID");
    if (referenceId.isEmpty() || !ReferenceIds.isWellFormed(referenceId.get())) {
      return Reply.error(ErrorCondition.INVALID_QUERY, "referenceID");
    }
    Optional<Account> found = call.ledger().accounts().findByReference(referenceId.get());
    if (found.isPresent() && !call.now().isBefore(found.get().createdAt().plus(referenceLookupWindow))) {
      return Reply.error(ErrorCondition.TOO_LATE_FOR_REFERENCE);
    }
    return describe(found);
  }

  Reply update(Call call) {
    String accountId = call.pathParameter("AccountID").orElse("");
    if (!ResourceIds.isWellFormed(accountId)) {
      return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "AccountID");
    }
    RequestBody body = call.body();
    if (!body.isPresent()) {
      return Reply.error(ErrorCondition.MALFORMED_BODY, "missing");
    }
    if (!body.hasObject("card")) {
      return statusOnly(call.ledger().accounts().find(accountId));
    }
    Optional<String> accountNumber = body.text("card", "accountNumber").filter(Card::isWellFormed);
    if (accountNumber.isEmpty()) {
      return Reply.error(ErrorCondition.INVALID_FIELD, "card.accountNumber");
    }
    return statusOnly(call.ledger().accounts().updateCard(accountId, accountNumber.map(Card::of)));
  }

  Reply delete(Call call) {
    String accountId = call.pathParameter("AccountID").orElse("");
    if (!ResourceIds.isWellFormed(accountId)) {
      return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "AccountID");
    }
    boolean alsoDuplicates = call.query().has("DeleteDuplicateCard");
    return statusOnly(call.ledger().accounts().delete(accountId, alsoDuplicates));
  }

  private static Reply describe(Optional<Account> found) {
    if (found.isEmpty()) {
      return Reply.error(ErrorCondition.NOT_FOUND);
    }
    Account account = found.get();
    if (account.deleted()) {
      return Reply.error(ErrorCondition.GONE);
    }
    ObjectNode fields = CompactJson.object()
        .put("accountID", account.id())
        .put("referenceID", account.referenceId());
    account.card().ifPresentOrElse(
        card -> fields.putObject("card").put("last4", card.last4()),
        () -> fields.putObject("bank"));
    return Reply.ok(fields);
  }

  /** 200 when the account was live before the request, 410 when already deleted, else 404. */
  private static Reply statusOnly(Optional<Account> before) {
    if (before.isEmpty()) {
      return Reply.error(ErrorCondition.NOT_FOUND);
    }
    return before.get().deleted() ? Reply.error(ErrorCondition.GONE) : Reply.ok(CompactJson.object());
  }

  private static ObjectNode accountIds(List<String> ids) {
    ObjectNode fields = CompactJson.object();
    ArrayNode array = fields.putArray("duplicateAccountIDs");
    ids.forEach(array::add);
    return fields;
  }
}

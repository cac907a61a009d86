package io.statusguard.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusguard.simulator.internal.ledger.Account;
import io.statusguard.simulator.internal.ledger.Card;
import io.statusguard.simulator.internal.ledger.ResourceIds;
import java.util.Optional;
import java.util.Set;

/**
 * QueryCard (with the {@code AVS}, {@code Fees} and {@code ANI} flags), QueryBank and QueryOFAC. They
 * change nothing; every card is enabled and no name is on a sanctions list. Stateless.
 */
final class QueryOperations {
  private static final Set<String> CARD_FLAGS = Set.of("avs", "fees", "ani");

  Reply queryCard(Call call) {
    RequestBody body = call.body();
    if (!body.isPresent()) {
      return Reply.error(ErrorCondition.MALFORMED_BODY, "missing");
    }
    if (!CARD_FLAGS.containsAll(call.query().names())) {
      return Reply.error(ErrorCondition.INVALID_QUERY, "flags are AVS, Fees and ANI");
    }
    Optional<Reply> cardProblem = checkCard(call);
    if (cardProblem.isPresent()) {
      return cardProblem.get();
    }
    ObjectNode fields = CompactJson.object();
    ObjectNode card = fields.putObject("card");
    card.putObject("pull").put("enabled", true);
    card.putObject("push").put("enabled", true);
    if (call.query().has("AVS")) {
      fields.putObject("AVS").put("networkRC", "00").put("codeAVS", "Y").put("codeSecurityCode", "M");
    }
    if (call.query().has("Fees")) {
      fields.putObject("fees").put("pull", "0.10").put("push", "0.25");
    }
    if (call.query().has("ANI")) {
      fields.putObject("ANI").put("networkRC", "00").put("nameMatch", "Y");
    }
    return Reply.ok(fields);
  }

  Reply queryBank(Call call) {
    RequestBody body = call.body();
    if (!body.isPresent()) {
      return Reply.error(ErrorCondition.MALFORMED_BODY, "missing");
    }
    boolean routingNumber =
        body.text("bank", "routingNumber").filter(r -> r.matches("[0-9]{9}")).isPresent();
    boolean accountNumber =
        body.text("bank", "accountNumber").filter(a -> a.matches("[0-9]{4,17}")).isPresent();
    if (!routingNumber || !accountNumber) {
      return Reply.error(ErrorCondition.INVALID_FIELD, "bank");
    }
    return Reply.ok(CompactJson.object().put("networkRC", "00"));
  }

  Reply queryOfac(Call call) {
    if (!call.body().isPresent()) {
      return Reply.error(ErrorCondition.MALFORMED_BODY, "missing");
    }
    return Reply.ok(CompactJson.object().put("match", false));
  }

  /** The card comes inline ({@code card.accountNumber}) or as an account ({@code account.accountID}). */
  private static Optional<Reply> checkCard(Call call) {
    Optional<String> accountNumber = call.body().text("card", "accountNumber");
    if (accountNumber.isPresent()) {
      return Card.isWellFormed(accountNumber.get()) ? Optional.empty()
          : Optional.of(Reply.error(ErrorCondition.INVALID_FIELD, "card.accountNumber"));
    }
    Optional<String> accountId = call.body().text("account", "accountID");
    if (accountId.isEmpty() || !ResourceIds.isWellFormed(accountId.get())) {
      return Optional.of(Reply.error(ErrorCondition.INVALID_FIELD, "card or account"));
    }
    Optional<Account> account = call.ledger().accounts().find(accountId.get());
    return account.filter(a -> !a.deleted()).isPresent() ? Optional.empty()
        : Optional.of(Reply.error(ErrorCondition.NOT_FOUND, "account.accountID"));
  }
}
